import type { MailLanguage, NotificationKind } from '../../shared/schemas/notifications';
import { mailWords, notificationTitle } from './notification-texts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailEntry {
  kind: NotificationKind;
  params: Record<string, string>;
  /** Absolute link straight to the item. */
  url: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// NL Design System in mail: one column, system sans-serif, body text 16 px, dark text on white
// (contrast well above 4.5:1), underlined links, a real heading; inline styles, as mail clients
// drop style sheets.
const page = (language: MailLanguage, title: string, body: string) =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>` +
  `<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">` +
  `<div role="article" aria-label="${escape(title)}" style="max-width:600px;margin:0 auto;padding:24px 16px">` +
  `<p style="margin:0 0 16px;font-weight:bold;color:#154273">Dialoogtafel</p>${body}</div></body></html>`;

const link = (href: string, label: string) => `<a href="${escape(href)}" style="color:#154273;text-decoration:underline">${escape(label)}</a>`;

function footer(language: MailLanguage, options: { mandatory: boolean; unsubscribeUrl?: string; settingsUrl: string }) {
  const w = mailWords[language];
  const lines = options.mandatory ? [w.procedure] : [w.why];
  const text = [...lines, ...(options.unsubscribeUrl ? [`${w.unsubscribe}: ${options.unsubscribeUrl}`] : []), `${w.settings}: ${options.settingsUrl}`].join('\n');
  const html =
    `<hr style="border:0;border-top:1px solid #b4b4b4;margin:24px 0 12px">` +
    `<p style="margin:0 0 8px;font-size:14px;color:#4b4b4b">${escape(lines.join(' '))}</p>` +
    `<p style="margin:0;font-size:14px">${options.unsubscribeUrl ? `${link(options.unsubscribeUrl, w.unsubscribe)} · ` : ''}${link(options.settingsUrl, w.settings)}</p>`;
  return { text, html };
}

/** One event, one mail. */
export function renderNotificationMail(
  language: MailLanguage,
  entry: MailEntry,
  options: { trajectoryName: string; mandatory: boolean; unsubscribeUrl?: string; settingsUrl: string },
): RenderedMail {
  const w = mailWords[language];
  const title = notificationTitle(language, entry.kind, { ...entry.params, trajectory: options.trajectoryName });
  const f = footer(language, options);
  const text = [w.greeting, '', title, `${w.trajectory}: ${options.trajectoryName}`, '', `${w.open}: ${entry.url}`, '', '—', f.text].join('\n');
  const html = page(
    language,
    title,
    `<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;color:#1a1a1a">${escape(title)}</h1>` +
      `<p style="margin:0 0 16px">${escape(w.trajectory)}: ${escape(options.trajectoryName)}</p>` +
      `<p style="margin:0 0 16px">${link(entry.url, w.open)}</p>${f.html}`,
  );
  return { subject: title, text, html };
}

/** The daily digest: every event of the day in one mail, per trajectory. */
export function renderDigestMail(language: MailLanguage, groups: Array<{ trajectoryName: string; entries: MailEntry[] }>, settingsUrl: string): RenderedMail {
  const w = mailWords[language];
  const f = footer(language, { mandatory: false, settingsUrl });
  const text = [w.digestIntro, ''];
  let html = `<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3">${escape(w.digestSubject)}</h1>`;
  for (const group of groups) {
    text.push(`${w.trajectory}: ${group.trajectoryName}`);
    html += `<h2 style="margin:16px 0 8px;font-size:18px">${escape(group.trajectoryName)}</h2><ul style="margin:0 0 16px;padding-left:20px">`;
    for (const e of group.entries) {
      const title = notificationTitle(language, e.kind, { ...e.params, trajectory: group.trajectoryName });
      text.push(`- ${title}`, `  ${e.url}`);
      html += `<li style="margin:0 0 8px">${link(e.url, title)}</li>`;
    }
    html += '</ul>';
    text.push('');
  }
  text.push('—', f.text);
  return { subject: `Dialoogtafel: ${w.digestSubject}`, text: text.join('\n'), html: page(language, w.digestSubject, html + f.html) };
}
