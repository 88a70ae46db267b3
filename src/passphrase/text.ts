// The strength verdict in words, for the popup's live hint and the background's refusal alike
// (strength.ts stays pure: it names the verdict, messages.json words it).
import { msg, type Localized } from '../i18n';
import { MIN_LENGTH, type Strength } from './strength';

export function strengthMessage(strength: Pick<Strength, 'verdict'>): Localized {
  switch (strength.verdict) {
    case 'empty':
      return msg('strengthEmpty');
    case 'short':
      return msg('strengthShort', { count: MIN_LENGTH });
    case 'common':
      return msg('strengthCommon');
    case 'weak':
      return msg('strengthWeak');
    case 'fair':
      return msg('strengthFair');
    case 'good':
      return msg('strengthGood');
    case 'strong':
      return msg('strengthStrong');
  }
}
