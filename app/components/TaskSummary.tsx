import { Badge, BlockStack, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { isMessageKey, type MessageKey } from "../i18n";
import type { TaskView } from "../features/tasks/view";
import { useI18n } from "./I18nProvider";

export type { TaskView };

const TONES = {
  QUEUED: "info",
  RUNNING: "attention",
  SUCCEEDED: "success",
  FAILED: "critical",
  CANCELLED: undefined,
} as const;

export function taskKindLabel(t: (key: MessageKey) => string, kind: string): string {
  const key = `tasks.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** One task: what it is, its status, and its progress (done / total, errors). */
export function TaskSummary({ task }: { task: TaskView }) {
  const { t, n } = useI18n();
  const progress =
    task.total != null
      ? t("tasks.progress", { done: n(task.done), total: n(task.total) })
      : t("tasks.progressUnknown", { done: n(task.done) });
  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="span" fontWeight="semibold">
          {taskKindLabel(t, task.kind)}
        </Text>
        <Badge tone={TONES[task.status]}>{t(`tasks.status.${task.status}`)}</Badge>
      </InlineStack>
      {task.total ? (
        <ProgressBar progress={Math.round((task.done / task.total) * 100)} size="small" />
      ) : null}
      <Text as="span" tone="subdued" variant="bodySm">
        {progress}
        {task.errorCount > 0 ? ` · ${t("tasks.errors", { count: n(task.errorCount) })}` : ""}
      </Text>
    </BlockStack>
  );
}
