import type { Task } from "@prisma/client";

/** A task as the UI shows it (plain JSON: dates as ISO strings). */
export interface TaskView {
  id: string;
  kind: string;
  status: Task["status"];
  done: number;
  total: number | null;
  errorCount: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function toTaskView(task: Task): TaskView {
  return {
    id: task.id,
    kind: task.kind,
    status: task.status,
    done: task.done,
    total: task.total,
    errorCount: task.errorCount,
    message: task.message,
    createdAt: task.createdAt.toISOString(),
    finishedAt: task.finishedAt?.toISOString() ?? null,
  };
}
