// Every brief, including those in the trash (callers split them), kept fresh after each write.
import { invoke, useQuery, type Query } from '../bridge';
import type { BriefSummary } from '../../shared/api/briefs';

export function useBriefs(): Query<BriefSummary[]> {
  return useQuery(() => invoke('briefs.list', { includeDeleted: true }), [], ['briefs']);
}
