import { Button, ButtonGroup, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blocksText, type ContentBlock } from '../../../shared/schemas/word-import';
import { mergeChapter, mergeClause, splitChapter, splitClause, type EditChapter } from './outline-edit';

interface OutlineTreeProps {
  chapters: EditChapter[];
  blocks: ContentBlock[];
  onChange: (chapters: EditChapter[]) => void;
}

const excerptLength = 160;

function excerpt(block: ContentBlock | undefined): string {
  const text = block ? blocksText([block]).replace(/\s+/g, ' ').trim() : '';
  return text.length <= excerptLength ? text : `${text.slice(0, excerptLength - 1)}…`;
}

/**
 * The preview's outline as nested ordered lists (chapters, then clauses): headings to move by,
 * plain buttons to merge and split, each named with the item it acts on. After a change, focus
 * goes to the item that holds the result and a status message says what happened.
 */
export function OutlineTree({ chapters, blocks, onChange }: OutlineTreeProps) {
  const { t } = useTranslation();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`word-import-${focusKey}`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const apply = (next: EditChapter[], focus: string, message: string) => {
    onChange(next);
    setFocusKey(focus);
    setAnnouncement(message);
  };

  const kindText = (block: ContentBlock | undefined) => {
    const text = excerpt(block);
    if (block?.type === 'table') return t('wordImport.preview.blockTable', { text });
    if (block?.type === 'list') return t('wordImport.preview.blockList', { text });
    return text;
  };

  return (
    <>
      <div role="status" className="dt-visually-hidden" data-testid="word-import-announcement">
        {announcement}
      </div>
      <ol className="dt-word-import__tree" aria-label={t('wordImport.preview.treeLabel')} data-testid="word-import-tree">
        {chapters.map((chapter, c) => (
          <li key={chapter.key} className="dt-word-import__chapter" data-testid="word-import-chapter">
            <Heading3 id={`word-import-${chapter.key}`} tabIndex={-1} className="dt-word-import__heading">
              <span className="dt-word-import__number">{t('wordImport.preview.chapter', { number: c + 1 })}</span> {chapter.title}
            </Heading3>
            {c < chapters.length - 1 && (
              <ButtonGroup>
                <Button appearance="secondary-action-button" onClick={() => apply(mergeChapter(chapters, c), chapter.key, t('wordImport.preview.merged', { title: chapter.title }))}>
                  {t('wordImport.preview.mergeChapter')}
                  <span className="dt-visually-hidden">: {chapter.title}</span>
                </Button>
              </ButtonGroup>
            )}
            <ol className="dt-word-import__clauses">
              {chapter.clauses.map((clause, k) => (
                <li key={clause.key} className="dt-word-import__clause" data-testid="word-import-clause">
                  <Heading4 id={`word-import-${clause.key}`} tabIndex={-1} className="dt-word-import__heading">
                    <span className="dt-word-import__number">{t('wordImport.preview.clause', { number: `${c + 1}.${k + 1}` })}</span> {clause.title}
                  </Heading4>
                  <Paragraph className="dt-word-import__excerpt">{clause.blocks.length ? kindText(blocks[clause.blocks[0]!]) : t('wordImport.preview.emptyClause')}</Paragraph>
                  {clause.blocks.length > 1 && (
                    <details className="dt-word-import__parts">
                      <summary>
                        {t('wordImport.preview.parts', { count: clause.blocks.length })}
                        <span className="dt-visually-hidden">: {clause.title}</span>
                      </summary>
                      <ol>
                        {clause.blocks.map((index, i) => (
                          <li key={index}>
                            {i > 0 && (
                              <Button
                                appearance="subtle-button"
                                className="dt-word-import__split"
                                onClick={() => {
                                  const { chapters: next, created } = splitClause(chapters, c, k, i, blocks);
                                  if (created) apply(next, created.key, t('wordImport.preview.split', { title: created.title }));
                                }}
                              >
                                {t('wordImport.preview.splitClause')}
                                <span className="dt-visually-hidden">: {excerpt(blocks[index]).slice(0, 60)}</span>
                              </Button>
                            )}
                            <Paragraph className="dt-word-import__part">{kindText(blocks[index])}</Paragraph>
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                  <ButtonGroup>
                    {k < chapter.clauses.length - 1 && (
                      <Button appearance="secondary-action-button" onClick={() => apply(mergeClause(chapters, c, k), clause.key, t('wordImport.preview.merged', { title: clause.title }))}>
                        {t('wordImport.preview.mergeClause')}
                        <span className="dt-visually-hidden">: {clause.title}</span>
                      </Button>
                    )}
                    {k > 0 && (
                      <Button
                        appearance="secondary-action-button"
                        onClick={() => {
                          const { chapters: next, created } = splitChapter(chapters, c, k);
                          if (created) apply(next, created.key, t('wordImport.preview.split', { title: created.title }));
                        }}
                      >
                        {t('wordImport.preview.splitChapter')}
                        <span className="dt-visually-hidden">: {clause.title}</span>
                      </Button>
                    )}
                  </ButtonGroup>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
