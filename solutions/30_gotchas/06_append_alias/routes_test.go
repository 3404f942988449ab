package routes

import (
	"fmt"
	"strings"
	"testing"
)

// testCheck is one expression of a test, what it gave and what it should give.
type testCheck struct {
	expr string
	got  string
	want string
}

// testReport fails with every check that went wrong, after the code that set
// them up.
func testReport(t *testing.T, setup string, checks []testCheck) {
	t.Helper()
	var wrong []string
	for _, c := range checks {
		if c.got != c.want {
			wrong = append(wrong, fmt.Sprintf("  %s = %q, want %q", c.expr, c.got, c.want))
		}
	}
	if len(wrong) > 0 {
		t.Errorf("%s\n%s", setup, strings.Join(wrong, "\n"))
	}
}

func TestTheAdminAPI(t *testing.T) {
	api := Group{}.Group("api")
	v1 := api.Group("v1")
	admin := v1.Group("admin")
	users := admin.Group("users")
	orders := admin.Group("orders")
	testReport(t, `admin := Group{}.Group("api").Group("v1").Group("admin")
users, orders := admin.Group("users"), admin.Group("orders")`, []testCheck{
		{`users.Path("{id}")`, users.Path("{id}"), "/api/v1/admin/users/{id}"},
		{`orders.Path("{id}")`, orders.Path("{id}"), "/api/v1/admin/orders/{id}"},
		{`admin.Path("health")`, admin.Path("health"), "/api/v1/admin/health"},
	})
}

func TestRootGroup(t *testing.T) {
	testReport(t, "the root group", []testCheck{{`Group{}.Path("health")`, Group{}.Path("health"), "/health"}})
}

// TestSiblingGroupsAtEveryDepth makes three subgroups of the same group g,
// for g at depths 0 to 9, and checks that none changes another (or g).
func TestSiblingGroupsAtEveryDepth(t *testing.T) {
	for depth := range 10 {
		g := Group{}
		prefix := ""
		for i := range depth {
			name := fmt.Sprintf("p%d", i)
			g = g.Group(name)
			prefix += "/" + name
		}
		t.Run(fmt.Sprintf("depth %d", depth), func(t *testing.T) {
			users, orders, invoices := g.Group("users"), g.Group("orders"), g.Group("invoices")
			testReport(t, fmt.Sprintf("g is the group %s/\nusers, orders, invoices := g.Group(\"users\"), g.Group(\"orders\"), g.Group(\"invoices\")", prefix), []testCheck{
				{`users.Path("{id}")`, users.Path("{id}"), prefix + "/users/{id}"},
				{`orders.Path("{id}")`, orders.Path("{id}"), prefix + "/orders/{id}"},
				{`invoices.Path("{id}")`, invoices.Path("{id}"), prefix + "/invoices/{id}"},
				{`g.Path("health")`, g.Path("health"), prefix + "/health"},
			})
		})
	}
}

// TestNestedSubgroups makes subgroups of sibling subgroups.
func TestNestedSubgroups(t *testing.T) {
	v1 := Group{}.Group("api").Group("v1")
	accounts, billing := v1.Group("accounts"), v1.Group("billing")
	admins, members := accounts.Group("admins"), accounts.Group("members")
	plans, invoices := billing.Group("plans"), billing.Group("invoices")
	testReport(t, `v1 := Group{}.Group("api").Group("v1")
accounts, billing := v1.Group("accounts"), v1.Group("billing")
admins, members := accounts.Group("admins"), accounts.Group("members")
plans, invoices := billing.Group("plans"), billing.Group("invoices")`, []testCheck{
		{`admins.Path("x")`, admins.Path("x"), "/api/v1/accounts/admins/x"},
		{`members.Path("x")`, members.Path("x"), "/api/v1/accounts/members/x"},
		{`plans.Path("x")`, plans.Path("x"), "/api/v1/billing/plans/x"},
		{`invoices.Path("x")`, invoices.Path("x"), "/api/v1/billing/invoices/x"},
		{`accounts.Path("x")`, accounts.Path("x"), "/api/v1/accounts/x"},
		{`billing.Path("x")`, billing.Path("x"), "/api/v1/billing/x"},
	})
}
