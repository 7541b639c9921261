import { request } from '../../api/client';
import { uploadFile } from '../../api/upload';
import type { AdmissionFormDto, AdmissionOverviewDto, AdmissionSettings, ApplicantViewDto, ApplicationDto, ApplyRequest, RegisterDto, ReviewRequest } from '../../../shared/schemas/admission';

const pub = (openHouseId: string) => `/api/open-house/${encodeURIComponent(openHouseId)}`;
const link = (token: string) => `/api/admission/applications/${encodeURIComponent(token)}`;
const inTrajectory = (trajectoryId: string) => `/api/trajectories/${encodeURIComponent(trajectoryId)}/admission`;

/** Admission under Open House: the public form, the applicant's secret link, the register, and the review. */
export const admissionApi = {
  form: (openHouseId: string, signal?: AbortSignal) => request<AdmissionFormDto>('GET', `${pub(openHouseId)}/admission`, undefined, signal),
  apply: (openHouseId: string, body: ApplyRequest) => request<{ token: string; reviewDeadline: string }>('POST', `${pub(openHouseId)}/applications`, body),
  register: (openHouseId: string, signal?: AbortSignal) => request<RegisterDto>('GET', `${pub(openHouseId)}/register`, undefined, signal),
  registerCsvUrl: (openHouseId: string) => `${pub(openHouseId)}/register.csv`,
  own: (token: string, signal?: AbortSignal) => request<ApplicantViewDto>('GET', link(token), undefined, signal),
  answer: (token: string, answer: string) => request<ApplicantViewDto>('POST', `${link(token)}/answer`, { answer }),
  attach: (token: string, file: File, onProgress: (fraction: number | null) => void) =>
    uploadFile<ApplicantViewDto>(`${link(token)}/documents?name=${encodeURIComponent(file.name)}`, file, { contentType: 'application/octet-stream', onProgress }),
  accede: (token: string, body: { signerName: string; signerFunction: string; municipalities: string[]; accept: true }) => request<ApplicantViewDto>('POST', `${link(token)}/accession`, body),
  overview: (trajectoryId: string, signal?: AbortSignal) => request<AdmissionOverviewDto>('GET', inTrajectory(trajectoryId), undefined, signal),
  application: (trajectoryId: string, applicationId: string, signal?: AbortSignal) =>
    request<ApplicationDto>('GET', `${inTrajectory(trajectoryId)}/applications/${encodeURIComponent(applicationId)}`, undefined, signal),
  review: (trajectoryId: string, applicationId: string, body: ReviewRequest) => request<ApplicationDto>('POST', `${inTrajectory(trajectoryId)}/applications/${encodeURIComponent(applicationId)}/review`, body),
  settings: (trajectoryId: string, body: AdmissionSettings) => request<AdmissionSettings>('PUT', `${inTrajectory(trajectoryId)}/settings`, body),
};
