import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Problem } from '../../core/errors/problem';
import { ListStatus, LoadingList } from './list-status';

function aProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    type: 'about:blank',
    title: 'Error',
    status: 404,
    detail: null,
    errors: [],
    requestId: null,
    ...overrides,
  };
}

function fakeList() {
  const loading = signal(false);
  const error = signal<Problem | null>(null);
  const list: LoadingList & { load: jest.Mock } = {
    loading,
    error,
    load: jest.fn(),
  };
  return { list, loading, error };
}

function render(list: LoadingList, retryable = false) {
  const fixture = TestBed.createComponent(ListStatus);
  fixture.componentRef.setInput('list', list);
  fixture.componentRef.setInput('loadingLabel', 'Loading members');
  fixture.componentRef.setInput('failure', 'Could not load members.');
  fixture.componentRef.setInput('retryable', retryable);
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

describe('ListStatus', () => {
  it('shows a named progress bar only while the list loads', () => {
    const { list, loading } = fakeList();
    const { fixture, el } = render(list);
    expect(el.querySelector('mat-progress-bar')).toBeNull();

    loading.set(true);
    fixture.detectChanges();
    expect(
      el.querySelector('mat-progress-bar')?.getAttribute('aria-label'),
    ).toBe('Loading members');
  });

  it('says why loading failed, or the fallback when the API gives no reason', () => {
    const { list, error } = fakeList();
    const { fixture, el } = render(list);
    error.set(aProblem({ status: 403, detail: 'Not yours' }));
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Not yours',
    );

    error.set(aProblem());
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Could not load members.',
    );
    expect(el.querySelector('button')).toBeNull();
  });

  it('offers Try again, which loads the list again, when retryable', () => {
    const { list, error } = fakeList();
    error.set(aProblem({ status: 500 }));
    const { el } = render(list, true);
    const button = el.querySelector<HTMLButtonElement>('[role="alert"] button');
    expect(button?.textContent?.trim()).toBe('Try again');
    button?.click();
    expect(list.load).toHaveBeenCalledTimes(1);
  });
});
