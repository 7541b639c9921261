import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spacedCode, voteUrl } from './join-code-api';

/** The code on the wall and its QR code (an SVG, drawn by the `qrcode` library) to vote from a phone. */
export function JoinCodePanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | undefined>(undefined);
  const url = voteUrl(code);
  useEffect(() => {
    let active = true;
    void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((drawn) => {
      if (active) setSvg(drawn);
    });
    return () => {
      active = false;
    };
  }, [url]);

  return (
    <section aria-labelledby="screen-vote-heading" className="dt-screen__panel dt-screen__join" data-testid="screen-join">
      <h2 id="screen-vote-heading" className="dt-screen__eyebrow">
        {t('room.screen.vote')}
      </h2>
      <p className="dt-screen__how">{t('room.screen.voteHow', { address: `${window.location.host}/stem` })}</p>
      <p className="dt-screen__code">
        <span className="dt-visually-hidden">{t('room.screen.code')}: </span>
        <span data-testid="join-code" data-code={code}>
          {spacedCode(code)}
        </span>
      </p>
      {/* The library's SVG holds only paths: no script, no style. */}
      {svg && <div className="dt-screen__qr" role="img" aria-label={t('room.screen.qr')} data-testid="join-qr" dangerouslySetInnerHTML={{ __html: svg }} />}
    </section>
  );
}
