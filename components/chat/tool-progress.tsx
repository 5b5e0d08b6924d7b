'use client';

/** The row shown while the model thinks or a tool runs, so a pause never looks like a hang. */
export function ToolProgress({ label }: { label: string }) {
  return (
    <div
      role="status"
      data-testid="tool-progress"
      className="flex items-center gap-2 py-1 text-sm text-muted"
    >
      <span aria-hidden className="flex gap-1">
        <span className="size-1.5 animate-pulse rounded-full bg-current" />
        <span className="size-1.5 animate-pulse rounded-full bg-current [animation-delay:150ms]" />
        <span className="size-1.5 animate-pulse rounded-full bg-current [animation-delay:300ms]" />
      </span>
      {label}
    </div>
  );
}
