import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariantDto } from '../../../shared/schemas/agreement';
import { joinNames } from '../agreement/agreement-helpers';

export interface VariantTabsProps {
  variants: VariantDto[];
  /** null: the regional text. */
  active: string | null;
  onChange: (variantId: string | null) => void;
  /** Open comments per text: by variant id, `regional` for the regional text. */
  openComments: Record<string, number>;
  children: ReactNode;
}

/**
 * The regional text and each municipality variant as tabs (the WAI-ARIA tabs pattern: one tab
 * stop, arrow keys move and select). Each tab's text is its own document.
 */
export function VariantTabs({ variants, active, onChange, openComments, children }: VariantTabsProps) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const tabs: Array<{ id: string | null; label: string }> = [
    { id: null, label: t('agreement.clause.regional') },
    ...variants.map((v) => ({ id: v.id, label: t('agreement.clause.variantTab', { label: v.label, municipalities: joinNames(v.municipalities, i18n.language) }) })),
  ];
  const tabId = (id: string | null) => `clause-tab-${id ?? 'regional'}`;
  const current = Math.max(0, tabs.findIndex((tab) => tab.id === active));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (current + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    onChange(tabs[next]!.id);
    requestAnimationFrame(() => document.getElementById(tabId(tabs[next]!.id))?.focus());
  };

  const activeVariant = variants.find((v) => v.id === active);
  return (
    <div className="dt-variants">
      {tabs.length > 1 && (
        <div role="tablist" aria-label={t('agreement.clause.variantsLabel')} className="dt-variants__tabs" ref={list} onKeyDown={onKeyDown}>
          {tabs.map((tab, index) => (
            <button
              key={tab.id ?? 'regional'}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={index === current}
              aria-controls="clause-tabpanel"
              tabIndex={index === current ? 0 : -1}
              className="dt-variants__tab"
              onClick={() => onChange(tab.id)}
            >
              {tab.label}
              {(openComments[tab.id ?? 'regional'] ?? 0) > 0 && (
                <span className="dt-variants__count"> · {t('agreement.openComments', { count: openComments[tab.id ?? 'regional'] })}</span>
              )}
            </button>
          ))}
        </div>
      )}
      <div
        role={tabs.length > 1 ? 'tabpanel' : undefined}
        id="clause-tabpanel"
        aria-labelledby={tabs.length > 1 ? tabId(tabs[current]!.id) : undefined}
        className="dt-variants__panel"
      >
        <p className="dt-variants__description utrecht-paragraph" id="clause-version-description">
          {activeVariant
            ? t('agreement.clause.variantDescription', { municipalities: joinNames(activeVariant.municipalities, i18n.language) })
            : t('agreement.clause.regionalDescription')}
        </p>
        {children}
      </div>
    </div>
  );
}
