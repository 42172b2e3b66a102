package czid

import (
	"fmt"
	"math/big"
	"strings"
)

// BankAccount is a Czech bank account number: [prefix-]number/bank code.
type BankAccount struct {
	Prefix string // up to 6 digits, without leading zeros; "" when there is none
	Number string // 2 to 10 digits, without leading zeros
	Bank   string // the 4-digit code of the bank, from Banks
}

// accountWeights weigh the digits of a prefix padded to 6 or a number padded to 10 digits.
var accountWeights = [10]int{6, 3, 7, 9, 10, 5, 8, 4, 2, 1}

// ParseBankAccount reads a Czech bank account written "19-2000145399/0800" (the prefix and
// its hyphen may be left out, spaces are ignored) or as a Czech IBAN ("CZ65 0800 0000 1920
// 0014 5399"). Both the prefix and the number must pass the mod-11 check with the weights
// 6,3,7,9,10,5,8,4,2,1, and the bank code must be one of Banks.
func ParseBankAccount(s string) (BankAccount, bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if strings.HasPrefix(s, "CZ") {
		return parseIBAN(s)
	}
	rest, bank, ok := strings.Cut(s, "/")
	if !ok {
		return BankAccount{}, false
	}
	prefix, number, ok := strings.Cut(rest, "-")
	if !ok {
		prefix, number = "", rest
	}
	return account(prefix, number, bank)
}

// parseIBAN reads a Czech IBAN: CZ, two check digits (mod 97), the bank code, the prefix
// padded to 6 and the number padded to 10 digits.
func parseIBAN(s string) (BankAccount, bool) {
	if len(s) != 24 || !digits(s[2:]) {
		return BankAccount{}, false
	}
	n, _ := new(big.Int).SetString(s[4:]+"1235"+s[2:4], 10) // C=12, Z=35
	if n.Mod(n, big.NewInt(97)).Int64() != 1 {
		return BankAccount{}, false
	}
	return account(s[8:14], s[14:], s[4:8])
}

// account checks the parts of an account number and drops their leading zeros.
func account(prefix, number, bank string) (BankAccount, bool) {
	if len(prefix) > 6 || len(number) < 2 || len(number) > 10 || len(bank) != 4 ||
		!digits(prefix+number+bank) || Banks[bank] == "" {
		return BankAccount{}, false
	}
	if !mod11(prefix) || !mod11(number) {
		return BankAccount{}, false
	}
	a := BankAccount{Prefix: strings.TrimLeft(prefix, "0"), Number: strings.TrimLeft(number, "0"), Bank: bank}
	if len(a.Number) < 2 {
		return BankAccount{}, false
	}
	return a, true
}

// mod11 reports whether the digits s, padded to 10 with leading zeros, weigh to a multiple of 11.
func mod11(s string) bool {
	sum, pad := 0, 10-len(s)
	for i := range len(s) {
		sum += int(s[i]-'0') * accountWeights[pad+i]
	}
	return sum%11 == 0
}

// String writes the account the usual way: "19-2000145399/0800", "2000145399/0800".
func (a BankAccount) String() string {
	if a.Prefix == "" {
		return a.Number + "/" + a.Bank
	}
	return a.Prefix + "-" + a.Number + "/" + a.Bank
}

// IBAN is the account's international number, without spaces: "CZ6508000000192000145399".
func (a BankAccount) IBAN() string {
	bban := a.Bank + strings.Repeat("0", 6-len(a.Prefix)) + a.Prefix + strings.Repeat("0", 10-len(a.Number)) + a.Number
	n, _ := new(big.Int).SetString(bban+"123500", 10)
	check := 98 - n.Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("CZ%02d%s", check, bban)
}
