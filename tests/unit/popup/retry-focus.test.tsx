// @vitest-environment happy-dom
import { act, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusHeader } from '../../../components/popup/StatusHeader';
import { describeStatus } from '../../../lib/popup/describe-status';
import type { WorkspaceStatus as SyncStatus } from '../../../lib/storage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const failing: SyncStatus = {
  state: 'error',
  error: 'Convex did not answer in time',
  waiting: 1,
  quarantined: 0,
  retryable: true,
  updatedAt: 1,
};
const synced: SyncStatus = { state: 'synced', waiting: 0, quarantined: 0, retryable: false, updatedAt: 2 };

function Header({ status }: { status: SyncStatus }) {
  const statusRef = useRef<HTMLDivElement>(null);
  return (
    <StatusHeader
      view={describeStatus(status, true)}
      loading={false}
      workspace="acme"
      now={3}
      retrying={false}
      onRetry={() => undefined}
      statusRef={statusRef}
      onOpenOptions={() => undefined}
    />
  );
}

let root: Root;
const show = (status: SyncStatus) => act(() => root.render(<Header status={status} />));

beforeEach(() => {
  const element = document.createElement('div');
  document.body.append(element);
  root = createRoot(element);
});

afterEach(() => {
  act(() => root.unmount());
  document.body.innerHTML = '';
});

describe("the header's Retry", () => {
  it('focused, and gone unpressed as the sync recovered by itself: the focus goes to the status, not the body', () => {
    show(failing);
    const retry = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Retry');
    act(() => retry?.focus());
    show(synced);
    expect(document.activeElement).toBe(document.querySelector('[role="status"]'));
  });
});
