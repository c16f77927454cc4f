// A small bundled list of the most common breached passwords of 8 characters or more (shorter ones
// fail the length rule anyway), compared case-insensitively. It stops the obvious guesses without a
// network call; a full breach corpus check can be added behind the same function.
const COMMON = `
password 12345678 123456789 1234567890 12345678910 password1 password12 password123 password! passw0rd p@ssw0rd
p@ssword qwertyuiop qwertzuiop qwerty123 qwertyui qwer1234 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx
qazwsxedc 123qweasd q1w2e3r4 asdfghjk asdfghjkl 11111111 00000000 88888888 66666666 12341234 12344321
11223344 123123123 987654321 a1234567 1234567a aa123456 abc12345 abcd1234 abcdefgh iloveyou iloveyou1
sunshine sunshine1 princess princess1 football football1 baseball baseball1 welcome1 welcome123 superman
trustno1 letmein1 letmein123 starwars whatever michelle jennifer 1234qwer charlie1 liverpool computer
admin123 administrator monkey123 dragon123 master123 shadow123 michael1 jordan23 changeme secret123
hello123 freedom1 samsung1 internet test1234 login123 passwort passwort1 hallo123 schalke04 fussball
qwerty12 1234abcd iloveyou2 chocolate butterfly password1! mustang1 pokemon1 blink182 basketball
`;

const LIST = new Set(COMMON.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return LIST.has(password.toLowerCase());
}
