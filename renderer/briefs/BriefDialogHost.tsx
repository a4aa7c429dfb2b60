// Shows the brief dialog the workspace asks for (new brief, or properties of one). A new brief
// defaults to the marking scheme of the newest brief: a library keeps to one scheme.
import { markingScheme } from '../../shared/tradecraft/vocabularies';
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';
import { BriefDialog, type BriefDialogMode } from './BriefDialog';
import { useBriefs } from './useBriefs';

const DEFAULT_FOR_SCHEME = { none: '', tlp: 'TLP:AMBER', classification: 'UNCLASSIFIED' } as const;

export function BriefDialogHost() {
  const { briefDialog } = useWorkspace();
  const actions = useWorkspaceActions();
  const briefs = useBriefs();

  let mode: BriefDialogMode | null = null;
  if (briefDialog?.kind === 'new') {
    const newest = [...(briefs.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    mode = { kind: 'new', defaultMarking: newest ? DEFAULT_FOR_SCHEME[markingScheme(newest.marking)] : '' };
  } else if (briefDialog?.kind === 'edit') {
    const brief = briefs.data?.find((b) => b.id === briefDialog.briefId);
    if (brief) mode = { kind: 'edit', brief };
  }

  return (
    <BriefDialog
      mode={mode}
      onClose={() => actions.showBriefDialog(null)}
      onDone={(briefId) => {
        if (briefDialog?.kind === 'new') actions.openBrief(briefId);
      }}
    />
  );
}
