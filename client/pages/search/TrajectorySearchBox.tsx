import '../../styles/search-box.css';
import { Button, FormLabel, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { searchQueryMaxLength } from '../../../shared/schemas/search';

/** The trajectory's search box: a search landmark on every trajectory screen; Enter opens the results page. */
export function TrajectorySearchBox({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const resultsPath = `/trajecten/${trajectoryId}/zoeken`;
  // On the results page the box shows what was searched for.
  const current = pathname === resultsPath ? (params.get('q') ?? '') : '';
  const [query, setQuery] = useState(current);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setQuery(current), [current]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = query.trim();
    if (!trimmed) return void input.current?.focus();
    void navigate(`${resultsPath}?q=${encodeURIComponent(trimmed)}`);
  };

  return (
    <div className="dt-search-box">
      <form role="search" aria-label={t('search.label')} onSubmit={onSubmit} className="dt-search-box__form">
        <FormLabel htmlFor="dt-search-q" className="dt-search-box__label">
          {t('search.label')}
        </FormLabel>
        <div className="dt-search-box__row">
          <Textbox ref={input} id="dt-search-q" type="search" name="q" value={query} maxLength={searchQueryMaxLength} autoComplete="off" onChange={(e) => setQuery(e.target.value)} className="dt-search-box__input" />
          <Button type="submit" appearance="secondary-action-button">
            {t('search.button')}
          </Button>
        </div>
      </form>
    </div>
  );
}
