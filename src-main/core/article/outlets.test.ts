import { describe, expect, it } from 'vitest';
import { canonicalOutlet } from './outlets';

describe('canonicalOutlet', () => {
  it('knows an outlet however it is cased, accented or spelled with Turkish ı/İ (the one fold)', () => {
    expect(canonicalOutlet('SOURCE:TRTWorld'.slice(7))).toBe('TRT World');
    expect(canonicalOutlet('the guardian')).toBe('The Guardian');
    expect(canonicalOutlet('HÜRRİYET DAILY NEWS')).toBe('Hürriyet Daily News');
    expect(canonicalOutlet('Hürrıyet Daily News')).toBe('Hürriyet Daily News');
    expect(canonicalOutlet('YENİ ŞAFAK')).toBe('Yeni Şafak');
    expect(canonicalOutlet('Unknown Gazette')).toBeNull();
  });
});
