import express, { Router } from 'express';
import type { RouteTable } from '../api/route-table';
import { anonymous } from '../policies/actor';
import type { Services } from '../services';
import { getNotificationPreferences, getNotifications, markNotificationsRead, setNotificationPreferences, unsubscribeByToken } from './notification-operations';


/** The person's own notification centre and settings. */
export function notificationRoutes(): RouteTable {
  return [
    { operationId: 'getNotifications', operation: getNotifications },
    { operationId: 'markNotificationsRead', operation: markNotificationsRead },
    { operationId: 'getNotificationPreferences', operation: getNotificationPreferences },
    { operationId: 'setNotificationPreferences', operation: setNotificationPreferences },
  ];
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * RFC 8058: mail programs POST `List-Unsubscribe=One-Click` (a form body, no cookie, no Origin) to
 * the address in the List-Unsubscribe header. Mounted before the API's JSON-only write rule, which
 * exists to keep cookies from being used by other sites: this request carries no cookie, the token
 * is its only authority, and it can only switch one kind of mail off. A GET (a person clicking the
 * link, or a link scanner) changes nothing and shows a button.
 */
export function unsubscribeEndpoint(services: Services): Router {
  const router = Router();
  router.get('/:token', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(
      page(
        'Afmelden voor deze berichten',
        `<p>Wilt u geen berichten van deze soort meer ontvangen voor dit traject? U kunt dit later weer aanzetten bij Meldingen instellen.</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Afmelden</button></form>`,
      ),
    );
  });
  router.post('/:token', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res, next) => {
    try {
      await unsubscribeByToken({ services, actor: anonymous }, { params: { token: req.params.token } });
      res.setHeader('Cache-Control', 'no-store');
      if (req.is('application/json') || !req.accepts('html')) return void res.json({ unsubscribed: true });
      res.type('html').send(page('U bent afgemeld', '<p>U ontvangt deze berichten voor dit traject niet meer. U kunt dit weer aanzetten bij Meldingen instellen in Dialoogtafel.</p>'));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
