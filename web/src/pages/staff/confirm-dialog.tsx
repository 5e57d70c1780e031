import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n';

/**
 * A modal question before an action that cannot be undone (revoking a link, e-mailing everyone). The
 * native `<dialog>` keeps the focus inside, closes on Escape and gives the focus back on closing.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={props.onCancel}
    >
      {props.open && (
        <>
          <h3 id={`${id}-title`} class="confirm-dialog__title">
            {props.title}
          </h3>
          <div id={`${id}-text`}>{props.children}</div>
          <div class="button-row">
            <button type="button" class="button" onClick={props.onConfirm}>
              {props.confirmLabel}
            </button>
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              {t('staffSurvey.cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
