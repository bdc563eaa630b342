import { TestBed } from '@angular/core/testing';
import { provideAppIcons } from '../../core/icons/icons';
import { NoMatches } from './no-matches';

describe('NoMatches', () => {
  it('says nothing matches, with a Clear filters button that asks to clear them', () => {
    TestBed.configureTestingModule({ providers: [provideAppIcons()] });
    const fixture = TestBed.createComponent(NoMatches);
    fixture.componentRef.setInput('heading', 'No members match');
    fixture.componentRef.setInput('message', 'Try another name.');
    const cleared = jest.fn();
    fixture.componentInstance.clear.subscribe(cleared);
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="status"] h2')?.textContent).toBe(
      'No members match',
    );
    expect(el.textContent).toContain('Try another name.');
    const button = el.querySelector('button');
    expect(button?.textContent?.trim()).toBe('Clear filters');
    button?.click();
    expect(cleared).toHaveBeenCalledTimes(1);
  });
});
