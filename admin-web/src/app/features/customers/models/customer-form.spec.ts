import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { aCustomerDetail } from '../testing/customer-factories';
import { customerEditForm, toUpdateRequest } from './customer-form';

describe('customer edit form', () => {
  const customer = aCustomerDetail();
  const form = () =>
    customerEditForm(TestBed.inject(NonNullableFormBuilder), customer);

  it('sends nothing when nothing changed', () => {
    expect(toUpdateRequest(form().getRawValue(), customer)).toEqual({});
  });

  it('sends only the changed fields: blanks clear, the country upper case, tags as the new list', () => {
    const f = form();
    f.patchValue({
      firstName: ' Annette ',
      city: '  ',
      country: 'fr',
      tags: ['vip', ' new ', 'vip'],
    });
    expect(toUpdateRequest(f.getRawValue(), customer)).toEqual({
      firstName: 'Annette',
      city: null,
      country: 'FR',
      tags: ['vip', 'new'],
    });
  });

  it('sends consent only for channels whose status changed', () => {
    const f = form();
    expect(f.controls.consentEmail.value).toBe('subscribed');
    expect(f.controls.consentSms.value).toBe('');
    f.patchValue({ consentEmail: 'subscribed', consentSms: 'pending' });
    expect(toUpdateRequest(f.getRawValue(), customer)).toEqual({
      consent: { sms: { status: 'pending' } },
    });
    f.patchValue({ consentEmail: 'unsubscribed' });
    expect(toUpdateRequest(f.getRawValue(), customer).consent).toEqual({
      email: { status: 'unsubscribed' },
      sms: { status: 'pending' },
    });
  });

  it('refuses a country that is not two letters', () => {
    const f = form();
    f.controls.country.setValue('Germany');
    expect(f.controls.country.hasError('pattern')).toBe(true);
  });
});
