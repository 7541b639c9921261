import '../../styles/search.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { searchApi } from '../../api/search';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { searchQueryMaxLength, type SearchHit, type SearchResult } from '../../../shared/schemas/search';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { Highlighted } from './Highlighted';

/** Results of a search in the trajectory (…/zoeken?q=), grouped by kind, each a link to the item; they follow changes live. */
export function SearchPage() {
  const { t } = useTranslation();
  const { trajectory } = useTrajectory();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const tooLong = query.length > searchQueryMaxLength;
  const result = useResource<SearchResult | null>((signal) => (query && !tooLong ? searchApi.search(trajectory.id, query, signal) : Promise.resolve(null)), [trajectory.id, query]);
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what !== 'audit' && query) result.reload();
  });
  const shown = result.data?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  // A first search on a long history answers before every clause text is read: ask again shortly.
  const incomplete = result.data?.complete === false;
  const { reload } = result;
  useEffect(() => {
    if (!incomplete) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [incomplete, reload]);

  return (
    <>
      <TrajectoryHeader title={query ? t('search.titleWithQuery', { query }) : t('search.title')} />
      <Paragraph>{t('search.intro')}</Paragraph>
      {!query && <Paragraph>{t('search.empty')}</Paragraph>}
      {tooLong && <Paragraph role="alert">{t('search.tooLong', { max: searchQueryMaxLength })}</Paragraph>}
      {result.loading && query && !tooLong && <LoadingStatus />}
      {result.error && <ErrorAlert error={result.error} />}
      <div role="status" className="dt-search__status">
        {result.data && (
          <Paragraph>
            {result.data.total === 0 ? t('search.none', { query }) : t('search.count', { count: result.data.total, query })}
            {result.data.total > shown && ` ${t('search.shownOf', { shown })}`}
            {incomplete && ` ${t('search.incomplete')}`}
          </Paragraph>
        )}
      </div>
      {result.data?.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-${group.kind}`} className="dt-search__group">
          <Heading2 id={`search-${group.kind}`}>
            {t(`search.kinds.${group.kind}`)} ({group.hits.length})
          </Heading2>
          <ol className="dt-search__hits">
            {group.hits.map((hit) => (
              <SearchHitItem key={hit.id} hit={hit} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <li className="dt-search__hit">
      <RouterLink to={hit.path} className="dt-search__link">
        <span className="dt-search__kind">{t(`search.kind.${hit.kind}`)}: </span>
        <Highlighted value={hit.title} />
      </RouterLink>
      {hit.snippet && (
        <Paragraph className="dt-search__snippet">
          <Highlighted value={hit.snippet} />
        </Paragraph>
      )}
    </li>
  );
}
