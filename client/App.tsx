import { Route, Routes } from 'react-router-dom';
import { RequireSignIn } from './auth/RequireSignIn';
import { AppLayout } from './components/AppLayout';
import { AgreementPage } from './pages/agreement/AgreementPage';
import { AmendmentsPage } from './pages/amendments/AmendmentsPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { ConsultationPage } from './pages/consultation/ConsultationPage';
import { ConsultationsPage } from './pages/consultation/ConsultationsPage';
import { LazyClausePage } from './pages/clause/LazyClausePage';
import { HomePage } from './pages/home/HomePage';
import { InvitationPage } from './pages/invitation/InvitationPage';
import { LiveTablePage } from './pages/live-table/LiveTablePage';
import { MembersPage } from './pages/members/MembersPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { OutboxPage } from './pages/outbox/OutboxPage';
import { MyDataPage } from './pages/my-data/MyDataPage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { PasswordForgottenPage } from './pages/password-forgotten/PasswordForgottenPage';
import { PasswordResetPage } from './pages/password-reset/PasswordResetPage';
import { QuestionsPage } from './pages/questions/QuestionsPage';
import { ReportPage } from './pages/reports/ReportPage';
import { FinalAgreementPage } from './pages/final/FinalAgreementPage';
import { SessionsPage } from './pages/sessions/SessionsPage';
import { SignInPage } from './pages/sign-in/SignInPage';
import { TopicsPage } from './pages/topics/TopicsPage';
import { TopicPage } from './pages/topic/TopicPage';
import { TrajectoriesPage } from './pages/trajectories/TrajectoriesPage';
import { TrajectoryLayout } from './pages/trajectory/TrajectoryLayout';
import { TrajectoryOverviewPage } from './pages/trajectory/TrajectoryOverviewPage';
import { NewTrajectoryPage } from './pages/trajectory-new/NewTrajectoryPage';
import { VersionPage } from './pages/versions/VersionPage';
import { VersionsPage } from './pages/versions/VersionsPage';

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="inloggen" element={<SignInPage />} />
        <Route path="wachtwoord-vergeten" element={<PasswordForgottenPage />} />
        <Route path="wachtwoord-herstellen/:token" element={<PasswordResetPage />} />
        <Route path="uitnodiging/:token" element={<InvitationPage />} />
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
          <Route path="overeenkomst/artikelen/:clauseId" element={<LazyClausePage />} />
          <Route path="overeenkomst/wijzigingsvoorstellen" element={<AmendmentsPage />} />
          <Route path="overeenkomst/versies" element={<VersionsPage />} />
          <Route path="overeenkomst/versies/:versionId" element={<VersionPage />} />
          <Route path="overeenkomst/consultatie" element={<ConsultationsPage />} />
          <Route path="overeenkomst/consultatie/:consultationId" element={<ConsultationPage />} />
          <Route path="overeenkomst/definitief" element={<FinalAgreementPage />} />
          <Route path="vragen" element={<QuestionsPage />} />
        </Route>
        <Route path="sessies/:sessionId" element={<RequireSignIn><LiveTablePage /></RequireSignIn>} />
        <Route path="beheer/postvak" element={<RequireSignIn><OutboxPage /></RequireSignIn>} />
        <Route path="mijn-gegevens" element={<RequireSignIn><MyDataPage /></RequireSignIn>} />
        <Route path="beheer/accounts" element={<RequireSignIn><AccountsPage /></RequireSignIn>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
