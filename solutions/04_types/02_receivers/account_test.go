package bank

import (
	"errors"
	"testing"
)

func TestDeposit(t *testing.T) {
	var a Account
	a.Deposit(100)
	if got := a.balance; got != 100 {
		note := ""
		if got == 0 {
			note = " (unchanged: did Deposit change a copy?)"
		}
		t.Fatalf("var a Account; a.Deposit(100): balance is %d, want 100%s", got, note)
	}
	a.Deposit(50)
	if got := a.balance; got != 150 {
		t.Errorf("after Deposit(100) and Deposit(50): balance is %d, want 150", got)
	}
	if got := a.Balance(); got != 150 {
		t.Errorf("Balance() = %d, want 150", got)
	}

	p := &Account{Owner: "Ada"}
	p.Deposit(7)
	if got := p.balance; got != 7 {
		t.Errorf("p := &Account{}; p.Deposit(7): balance is %d, want 7", got)
	}
}

func TestWithdraw(t *testing.T) {
	a := Account{Owner: "Ada", balance: 100}
	if err := a.Withdraw(30); err != nil {
		t.Fatalf("balance 100, Withdraw(30) = %v, want nil", err)
	}
	if got := a.balance; got != 70 {
		note := ""
		if got == 100 {
			note = " (unchanged: did Withdraw change a copy?)"
		}
		t.Fatalf("balance 100, after Withdraw(30): balance is %d, want 70%s", got, note)
	}
	err := a.Withdraw(100)
	if !errors.Is(err, ErrInsufficientFunds) {
		t.Errorf("balance 70, Withdraw(100) = %v, want ErrInsufficientFunds", err)
	}
	if got := a.balance; got != 70 {
		t.Errorf("balance 70, a refused Withdraw(100) changed the balance to %d, want it left at 70", got)
	}
	if err := a.Withdraw(70); err != nil {
		t.Errorf("balance 70, Withdraw(70) = %v, want nil", err)
	}
	if got := a.balance; got != 0 {
		t.Errorf("balance 70, after Withdraw(70): balance is %d, want 0", got)
	}
}

func TestDepositAll(t *testing.T) {
	accounts := []Account{{Owner: "Ada", balance: 10}, {Owner: "Grace"}, {Owner: "Linus", balance: 1}}
	DepositAll(accounts, 5)
	before := []int{10, 0, 1}
	want := []int{15, 5, 6}
	for i, a := range accounts {
		if a.balance != want[i] {
			note := ""
			if a.balance == before[i] {
				note = " (unchanged: did the loop change a copy of the element?)"
			}
			t.Errorf("DepositAll(accounts, 5): accounts[%d] (%s) has balance %d, want %d%s",
				i, a.Owner, a.balance, want[i], note)
		}
	}
	DepositAll(nil, 5) // must not panic
}
