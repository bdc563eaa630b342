import { Readable } from 'node:stream';
import { DecodeText, detectDelimiter, detectEncoding } from './csv-dialect';

describe('detectDelimiter', () => {
  it.each([
    ['email,name,city\na@x.io,Ada,Paris\nb@x.io,Bo,Rome\n', ','],
    ['email;name;city\na@x.io;Ada;Paris\nb@x.io;Bo;Rome\n', ';'],
    ['email\tname\tcity\na@x.io\tAda\tParis\n', '\t'],
    ['email|name|city\na@x.io|Ada|Paris\n', '|'],
  ])('finds the delimiter of %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    const sample = 'email;note;amount\n"a@x.io";"one, two, three";"1,5"\n"b@x.io";"line 1\nline, 2";"2,5"\n';
    expect(detectDelimiter(sample)).toBe(';');
  });

  it('prefers the delimiter with a consistent count over one that appears often in a few rows', () => {
    const sample = 'id;tags;name\n1;a,b,c,d,e;Ann\n2;x;Bob\n3;y;Cy\n';
    expect(detectDelimiter(sample)).toBe(';');
  });

  it('treats a single column as comma-separated and ignores a cut last line unless the sample is complete', () => {
    expect(detectDelimiter('email\na@x.io\n')).toBe(',');
    expect(detectDelimiter('a;b\n1;2\n3,4,5,6,7,8')).toBe(';');
    expect(detectDelimiter('a|b', true)).toBe('|');
  });
});

describe('detectEncoding and DecodeText', () => {
  it('tells UTF-8 (with or without BOM), UTF-16 and Windows-1252 apart', () => {
    expect(detectEncoding(Buffer.from('\uFEFFname\nMüller', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('name\nMüller', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x6e, 0x00]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('name\nMüller', 'latin1'))).toBe('windows-1252');
  });

  it('decodes across chunk boundaries and drops the BOM', async () => {
    const bytes = Buffer.from('\uFEFFname\nJürgen €\n', 'utf8');
    const chunks = [bytes.subarray(0, 10), bytes.subarray(10, 11), bytes.subarray(11)]; // splits "ü"
    let text = '';
    for await (const part of Readable.from(chunks).pipe(new DecodeText())) text += part;
    expect(text).toBe('name\nJürgen €\n');
  });

  it('decodes Windows-1252 (what Excel writes on Windows)', async () => {
    let text = '';
    for await (const part of Readable.from([Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80])]).pipe(new DecodeText())) text += part;
    expect(text).toBe('Müller €');
  });
});
