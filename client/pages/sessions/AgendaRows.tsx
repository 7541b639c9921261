import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import type { TopicDto } from '../../../shared/schemas/topics';
import type { AgendaRow } from './session-form-state';

export interface AgendaRowsProps {
  idPrefix: string;
  rows: AgendaRow[];
  /** The topics that may go on an agenda (accepted ones), in the trajectory's order. */
  topics: TopicDto[];
  onChange: (rows: AgendaRow[]) => void;
  errors: FieldErrors;
}

type Focus = { topicId: string; control: 'up' | 'down' | 'minutes' } | { control: 'add' } | undefined;

/** The agenda of a session: chosen topics in order, each with its time box. */
export function AgendaRows({ idPrefix, rows, topics, onChange, errors }: AgendaRowsProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const [focus, setFocus] = useState<Focus>(undefined);
  const available = topics.filter((topic) => !rows.some((row) => row.topicId === topic.id));

  // Keep keyboard users where they were after a move, an add or a removal.
  useEffect(() => {
    if (!focus) return;
    const id = focus.control === 'add' ? `${idPrefix}-add` : `${idPrefix}-${focus.topicId}-${focus.control}`;
    document.getElementById(id)?.focus();
    setFocus(undefined);
  }, [focus, idPrefix]);

  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
    const position = index + by;
    const direction = by === -1 ? 'up' : 'down';
    const still = direction === 'up' ? position > 0 : position < next.length - 1;
    setFocus({ topicId: row!.topicId, control: still ? direction : direction === 'up' ? 'down' : 'up' });
  };

  const add = () => {
    const topic = topics.find((item) => item.id === adding);
    if (!topic) return;
    onChange([...rows, { topicId: topic.id, title: topic.title, minutes: '30' }]);
    setAdding('');
    setFocus({ topicId: topic.id, control: 'minutes' });
  };

  return (
    <section id={`${idPrefix}-agenda`} aria-labelledby={`${idPrefix}-agenda-heading`} className="dt-form-section dt-agenda-rows">
      <Heading3 id={`${idPrefix}-agenda-heading`}>{t('sessions.form.agendaTitle')}</Heading3>
      <Paragraph>{t('sessions.form.agendaIntro')}</Paragraph>
      {errors.agenda && (
        <Paragraph className="dt-field-error" id={`${idPrefix}-agenda-error`}>
          {errors.agenda}
        </Paragraph>
      )}
      {rows.length === 0 ? (
        <Paragraph className="dt-hint">{t('sessions.form.agendaEmpty')}</Paragraph>
      ) : (
        <ol className="dt-agenda-rows__list">
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <li key={row.topicId}>
                <fieldset className="dt-row dt-agenda-row">
                  <legend className="dt-row__legend">{t('sessions.form.agendaItem', { n, title: row.title })}</legend>
                  <TextField
                    id={`${idPrefix}-${row.topicId}-minutes`}
                    label={t('sessions.form.agendaMinutes')}
                    inputMode="numeric"
                    value={row.minutes}
                    onChange={(minutes) => onChange(rows.map((r, i) => (i === index ? { ...r, minutes } : r)))}
                    className="dt-input-short"
                    error={errors[`agenda.${index}.minutes`] ?? errors[`agenda.${index}`]}
                  />
                  <ButtonGroup>
                    {index > 0 && (
                      <Button
                        id={`${idPrefix}-${row.topicId}-up`}
                        appearance="subtle-button"
                        aria-label={`${t('sessions.form.up')}: ${row.title}`}
                        onClick={() => move(index, -1)}
                      >
                        {t('sessions.form.up')}
                      </Button>
                    )}
                    {index < rows.length - 1 && (
                      <Button
                        id={`${idPrefix}-${row.topicId}-down`}
                        appearance="subtle-button"
                        aria-label={`${t('sessions.form.down')}: ${row.title}`}
                        onClick={() => move(index, 1)}
                      >
                        {t('sessions.form.down')}
                      </Button>
                    )}
                    <Button
                      appearance="subtle-button"
                      aria-label={`${t('sessions.form.remove')}: ${row.title}`}
                      onClick={() => {
                        onChange(rows.filter((_, i) => i !== index));
                        setFocus({ control: 'add' });
                      }}
                    >
                      {t('sessions.form.remove')}
                    </Button>
                  </ButtonGroup>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {available.length === 0 ? (
        topics.length > 0 && <Paragraph className="dt-hint">{t('sessions.form.noTopicsLeft')}</Paragraph>
      ) : (
        <div className="dt-inline-form">
          <SelectField
            id={`${idPrefix}-add-topic`}
            label={t('sessions.form.addTopic')}
            value={adding}
            onChange={setAdding}
            placeholder={t('sessions.form.addTopicPlaceholder')}
            options={available.map((topic) => ({ value: topic.id, label: topic.title }))}
          />
          <ButtonGroup>
            <Button id={`${idPrefix}-add`} appearance="secondary-action-button" onClick={add}>
              {t('sessions.form.addTopicButton')}
            </Button>
          </ButtonGroup>
        </div>
      )}
    </section>
  );
}
