import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../i18n";

/** The one way the pane reports a failure: a Fluent MessageBar, in the pane's language, that the user can close. */
export function ErrorBar(props: { message: string | null; onDismiss: () => void; title?: string }) {
  const { t } = useI18n();
  if (!props.message) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {props.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={props.onDismiss}>
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
