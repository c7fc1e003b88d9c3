import type { Problem } from '../api/problem';

/** SOL005 VnfPkgInfo, the fields the UI uses. */
export interface VnfPkgInfo {
  id: string;
  vnfdId?: string;
  vnfProvider?: string;
  vnfProductName?: string;
  vnfSoftwareVersion?: string;
  vnfdVersion?: string;
  onboardingState: OnboardingState;
  operationalState?: 'ENABLED' | 'DISABLED';
  usageState?: 'IN_USE' | 'NOT_IN_USE';
  onboardingFailureDetails?: Problem;
  userDefinedData?: Record<string, unknown>;
}

export type OnboardingState = 'CREATED' | 'UPLOADING' | 'PROCESSING' | 'ONBOARDED' | 'ERROR';

/** SOL005 NsdInfo, the fields the UI uses. */
export interface NsdInfo {
  id: string;
  nsdId?: string;
  nsdName?: string;
  nsdVersion?: string;
  nsdDesigner?: string;
  vnfPkgIds?: string[];
  nsdOnboardingState: 'CREATED' | 'UPLOADING' | 'PROCESSING' | 'ONBOARDED' | 'ERROR';
  nsdOperationalState?: 'ENABLED' | 'DISABLED';
  nsdUsageState?: 'IN_USE' | 'NOT_IN_USE';
  onboardingFailureDetails?: Problem;
}

export const terminalStates: ReadonlySet<string> = new Set(['ONBOARDED', 'ERROR']);
