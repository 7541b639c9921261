import { Route, Routes } from 'react-router-dom';
import { RequireSignIn } from './auth/RequireSignIn';
import { AppLayout } from './components/AppLayout';
import { lazyPage } from './components/LazyPage';
// The start page is small and is what most visits open first: part of the shell, so it renders at once.
import { HomePage } from './pages/home/HomePage';

// Every page is loaded when it is opened: the first page carries only the shell (layout, sign-in
// state, language) and its own page, not the code of all the others.
// The clause page carries the editor (TipTap, ProseMirror, Yjs), most of the client's weight.
const NotificationsPage = lazyPage(() => import('./pages/notifications/NotificationsPage'), 'NotificationsPage');
const NotificationSettingsPage = lazyPage(() => import('./pages/notifications/NotificationSettingsPage'), 'NotificationSettingsPage');
const ClausePage = lazyPage(() => import('./pages/clause/ClausePage'), 'ClausePage');
const AgreementPage = lazyPage(() => import('./pages/agreement/AgreementPage'), 'AgreementPage');
const AmendmentsPage = lazyPage(() => import('./pages/amendments/AmendmentsPage'), 'AmendmentsPage');
const AuditLogPage = lazyPage(() => import('./pages/audit/AuditLogPage'), 'AuditLogPage');
const ConsultationPage = lazyPage(() => import('./pages/consultation/ConsultationPage'), 'ConsultationPage');
const ConsultationsPage = lazyPage(() => import('./pages/consultation/ConsultationsPage'), 'ConsultationsPage');
const InvitationPage = lazyPage(() => import('./pages/invitation/InvitationPage'), 'InvitationPage');
const LiveTablePage = lazyPage(() => import('./live-table/LiveTablePage'), 'LiveTablePage');
const MembersPage = lazyPage(() => import('./pages/members/MembersPage'), 'MembersPage');
const NotFoundPage = lazyPage(() => import('./pages/not-found/NotFoundPage'), 'NotFoundPage', { firstPageTextsOnly: true });
const MyDataPage = lazyPage(() => import('./pages/my-data/MyDataPage'), 'MyDataPage');
const AccountsPage = lazyPage(() => import('./pages/accounts/AccountsPage'), 'AccountsPage');
const OutboxPage = lazyPage(() => import('./pages/outbox/OutboxPage'), 'OutboxPage');
const PasswordForgottenPage = lazyPage(() => import('./pages/password-forgotten/PasswordForgottenPage'), 'PasswordForgottenPage', { firstPageTextsOnly: true });
const PasswordResetPage = lazyPage(() => import('./pages/password-reset/PasswordResetPage'), 'PasswordResetPage', { firstPageTextsOnly: true });
const QuestionsPage = lazyPage(() => import('./pages/questions/QuestionsPage'), 'QuestionsPage');
const ReportPage = lazyPage(() => import('./pages/reports/ReportPage'), 'ReportPage');
const FinalAgreementPage = lazyPage(() => import('./pages/final/FinalAgreementPage'), 'FinalAgreementPage');
const SearchPage = lazyPage(() => import('./pages/search/SearchPage'), 'SearchPage');
const WordImportPage = lazyPage(() => import('./pages/word-import/WordImportPage'), 'WordImportPage');
const SessionsPage = lazyPage(() => import('./pages/sessions/SessionsPage'), 'SessionsPage');
const SignInPage = lazyPage(() => import('./pages/sign-in/SignInPage'), 'SignInPage', { firstPageTextsOnly: true });
const TopicsPage = lazyPage(() => import('./pages/topics/TopicsPage'), 'TopicsPage');
const TopicPage = lazyPage(() => import('./pages/topic/TopicPage'), 'TopicPage');
const TrajectoriesPage = lazyPage(() => import('./pages/trajectories/TrajectoriesPage'), 'TrajectoriesPage');
const TrajectoryLayout = lazyPage(() => import('./pages/trajectory/TrajectoryLayout'), 'TrajectoryLayout');
const TrajectoryOverviewPage = lazyPage(() => import('./pages/trajectory/TrajectoryOverviewPage'), 'TrajectoryOverviewPage');
const NewTrajectoryPage = lazyPage(() => import('./pages/trajectory-new/NewTrajectoryPage'), 'NewTrajectoryPage');
const VersionPage = lazyPage(() => import('./pages/versions/VersionPage'), 'VersionPage');
const VersionsPage = lazyPage(() => import('./pages/versions/VersionsPage'), 'VersionsPage');
const ApplyPage = lazyPage(() => import('./pages/admission/ApplyPage'), 'ApplyPage');
const ApplicantPage = lazyPage(() => import('./pages/admission/ApplicantPage'), 'ApplicantPage');
const RegisterPage = lazyPage(() => import('./pages/admission/RegisterPage'), 'RegisterPage');
const ReviewPage = lazyPage(() => import('./pages/admission/ReviewPage'), 'ReviewPage');
const ApplicationReviewPage = lazyPage(() => import('./pages/admission/ApplicationReviewPage'), 'ApplicationReviewPage');
const ScreenPage = lazyPage(() => import('./live-table/screen/ScreenPage'), 'ScreenPage');
const VotePage = lazyPage(() => import('./pages/vote/VotePage'), 'VotePage');
const MandatesPage = lazyPage(() => import('./pages/mandates/MandatesPage'), 'MandatesPage');
const MediationPage = lazyPage(() => import('./pages/mediation/MediationPage'), 'MediationPage');

export function App() {
  return (
    <Routes>
      {/* The screen on the wall: no header, navigation or footer, only the table. */}
      <Route path="trajecten/:trajectoryId/sessies/:sessionId/scherm" element={<RequireSignIn><ScreenPage /></RequireSignIn>} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="inloggen" element={<SignInPage />} />
        <Route path="wachtwoord-vergeten" element={<PasswordForgottenPage />} />
        <Route path="wachtwoord-herstellen/:token" element={<PasswordResetPage />} />
        <Route path="uitnodiging/:token" element={<InvitationPage />} />
        <Route path="toetreding/aanvraag/:token" element={<ApplicantPage />} />
        <Route path="toetreding/:openHouseId" element={<ApplyPage />} />
        <Route path="toetreding/:openHouseId/register" element={<RegisterPage />} />
        <Route path="trajecten" element={<RequireSignIn><TrajectoriesPage /></RequireSignIn>} />
        <Route path="trajecten/nieuw" element={<RequireSignIn><NewTrajectoryPage /></RequireSignIn>} />
        <Route path="trajecten/:trajectoryId" element={<RequireSignIn><TrajectoryLayout /></RequireSignIn>}>
          <Route index element={<TrajectoryOverviewPage />} />
          <Route path="onderwerpen" element={<TopicsPage />} />
          <Route path="onderwerpen/:topicId" element={<TopicPage />} />
          <Route path="sessies" element={<SessionsPage />} />
          <Route path="sessies/:sessionId/verslag" element={<ReportPage />} />
          <Route path="deelnemers" element={<MembersPage />} />
          <Route path="logboek" element={<AuditLogPage />} />
          <Route path="overeenkomst" element={<AgreementPage />} />
          <Route path="overeenkomst/artikelen/:clauseId" element={<ClausePage />} />
          <Route path="overeenkomst/wijzigingsvoorstellen" element={<AmendmentsPage />} />
          <Route path="overeenkomst/versies" element={<VersionsPage />} />
          <Route path="overeenkomst/versies/:versionId" element={<VersionPage />} />
          <Route path="overeenkomst/consultatie" element={<ConsultationsPage />} />
          <Route path="overeenkomst/consultatie/:consultationId" element={<ConsultationPage />} />
          <Route path="overeenkomst/definitief" element={<FinalAgreementPage />} />
          <Route path="overeenkomst/word-importeren" element={<WordImportPage />} />
          <Route path="vragen" element={<QuestionsPage />} />
          <Route path="zoeken" element={<SearchPage />} />
          <Route path="toetreding" element={<ReviewPage />} />
          <Route path="toetreding/:applicationId" element={<ApplicationReviewPage />} />
          <Route path="mandaten" element={<MandatesPage />} />
          <Route path="bemiddeling" element={<MediationPage />} />
        </Route>
        <Route path="sessies/:sessionId" element={<RequireSignIn><LiveTablePage /></RequireSignIn>} />
        <Route path="stem" element={<RequireSignIn><VotePage /></RequireSignIn>} />
        <Route path="stem/:code" element={<RequireSignIn><VotePage /></RequireSignIn>} />
        <Route path="beheer/postvak" element={<RequireSignIn><OutboxPage /></RequireSignIn>} />
        <Route path="mijn-gegevens" element={<RequireSignIn><MyDataPage /></RequireSignIn>} />
        <Route path="meldingen" element={<RequireSignIn><NotificationsPage /></RequireSignIn>} />
        <Route path="meldingen/instellingen" element={<RequireSignIn><NotificationSettingsPage /></RequireSignIn>} />
        <Route path="beheer/accounts" element={<RequireSignIn><AccountsPage /></RequireSignIn>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
