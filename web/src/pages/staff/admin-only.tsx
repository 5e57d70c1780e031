import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { useI18n } from '../../i18n';

/**
 * Says why a part of the console is read-only for this member: the API refuses the change to anyone
 * outside the `admin` group (403) anyway, so the console does not offer it.
 */
export function AdminOnlyNotice(props: { text?: MessageKey }) {
  const { t } = useI18n();
  return (
    <p class="notice" data-testid="admin-only-notice">
      {t(props.text ?? 'rolesAudit.adminOnly')}
    </p>
  );
}
