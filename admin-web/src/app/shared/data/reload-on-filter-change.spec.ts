import {
  createEnvironmentInjector,
  EnvironmentInjector,
  runInInjectionContext,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { reloadOnFilterChange } from './reload-on-filter-change';

describe('reloadOnFilterChange', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup() {
    const form = new FormGroup({
      q: new FormControl('', { nonNullable: true }),
      code: new FormControl('', {
        nonNullable: true,
        validators: Validators.maxLength(3),
      }),
    });
    const list = { load: jest.fn() };
    const injector = createEnvironmentInjector(
      [],
      TestBed.inject(EnvironmentInjector),
    );
    runInInjectionContext(injector, () => reloadOnFilterChange(form, list));
    return { form, list, injector };
  }

  it('loads once with the latest value, 300 ms after the last change', () => {
    const { form, list } = setup();
    form.controls.q.setValue('a');
    jest.advanceTimersByTime(200);
    form.controls.q.setValue('ab');
    jest.advanceTimersByTime(299);
    expect(list.load).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(list.load).toHaveBeenCalledTimes(1);
    expect(list.load).toHaveBeenCalledWith({ q: 'ab', code: '' });
  });

  it('does not load an invalid filter', () => {
    const { form, list } = setup();
    form.controls.code.setValue('too long');
    jest.advanceTimersByTime(300);
    expect(list.load).not.toHaveBeenCalled();
  });

  it('stops when its injector is destroyed', () => {
    const { form, list, injector } = setup();
    injector.destroy();
    form.controls.q.setValue('late');
    jest.advanceTimersByTime(300);
    expect(list.load).not.toHaveBeenCalled();
  });
});
