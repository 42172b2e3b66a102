package contacts

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/web/layout"
)

// departmentForm is a department's editing form as typed, so that it shows again with its errors.
type departmentForm struct {
	Name, Parent, Order, Description, Email, Phone, Room, Address string
}

// personForm is a person's editing form as typed.
type personForm struct {
	TitleBefore, Given, Family, TitleAfter, Function, Department, Order string
	Phone, Mobile, Email, Room                                          string
	Agendas                                                             []string
}

// The longest texts the forms take, in characters.
const (
	maxName        = 150
	maxLine        = 200
	maxDescription = 5000
	maxOrder       = 9999
)

// departmentFormOf is the form showing d.
func departmentFormOf(d contactfiles.Department) departmentForm {
	return departmentForm{Name: d.Name, Parent: d.Parent, Order: strconv.Itoa(d.Order), Description: d.Description,
		Email: d.Email, Phone: d.Phone, Room: d.Room, Address: d.Address}
}

// personFormOf is the form showing p.
func personFormOf(p PersonRecord) personForm {
	return personForm{TitleBefore: p.TitleBefore, Given: p.Given, Family: p.Family, TitleAfter: p.TitleAfter,
		Function: p.Function, Department: p.Department, Order: strconv.Itoa(p.Order), Phone: p.Phone, Mobile: p.Mobile,
		Email: p.Email, Room: p.Room, Agendas: p.Agendas}
}

// formValue is the posted field name, trimmed, with the line breaks of a text area as "\n".
func formValue(r *http.Request, name string) string {
	return strings.TrimSpace(strings.ReplaceAll(r.PostFormValue(name), "\r\n", "\n"))
}

// readDepartmentForm reads the department form r posts.
func readDepartmentForm(r *http.Request) departmentForm {
	v := func(name string) string { return formValue(r, name) }
	return departmentForm{Name: v("name"), Parent: v("parent"), Order: v("order"), Description: v("description"),
		Email: v("email"), Phone: v("phone"), Room: v("room"), Address: v("address")}
}

// readPersonForm reads the person form r posts.
func readPersonForm(r *http.Request) personForm {
	v := func(name string) string { return formValue(r, name) }
	return personForm{TitleBefore: v("title-before"), Given: v("given"), Family: v("family"), TitleAfter: v("title-after"),
		Function: v("function"), Department: v("department"), Order: v("order"), Phone: v("phone"), Mobile: v("mobile"),
		Email: v("email"), Room: v("room"), Agendas: r.PostForm["agendas"]}
}

// department is the department f describes, or the problems that keep it from being one, in
// the order of the fields. tree is every department, to choose the parent from.
func (f departmentForm) department(ctx context.Context, tree []TreeDepartment) (contactfiles.Department, layout.FieldErrors) {
	c := formCheck{ctx: ctx}
	d := contactfiles.Department{
		Name:   c.text("name", f.Name, maxName, "err-name"),
		Parent: f.Parent,
	}
	if f.Parent != "" && !slices.ContainsFunc(tree, func(t TreeDepartment) bool { return t.Code == f.Parent }) {
		c.errs.Add("parent", c.t("err-parent"))
	}
	d.Order = c.order("order", f.Order)
	d.Description = c.text("description", f.Description, maxDescription, "")
	d.Email = c.email("email", f.Email)
	d.Phone = c.phone("phone", f.Phone)
	d.Room = c.text("room", f.Room, maxLine, "")
	d.Address = c.text("address", f.Address, maxLine, "")
	return d, c.errs
}

// person is the person f describes, or the problems that keep it from being one, in the order
// of the fields. tree and agendas are what the person may belong to and handle.
func (f personForm) person(ctx context.Context, tree []TreeDepartment, agendas []AgendaName) (PersonRecord, layout.FieldErrors) {
	c := formCheck{ctx: ctx}
	p := PersonRecord{
		TitleBefore: c.text("title-before", f.TitleBefore, maxLine, ""),
		Given:       c.text("given", f.Given, maxName, "err-given"),
		Family:      c.text("family", f.Family, maxName, "err-family"),
		TitleAfter:  c.text("title-after", f.TitleAfter, maxLine, ""),
		Function:    c.text("function", f.Function, maxLine, "err-function"),
		Department:  f.Department,
	}
	if !slices.ContainsFunc(tree, func(t TreeDepartment) bool { return t.Code == f.Department }) {
		c.errs.Add("department", c.t("err-department"))
	}
	p.Order = c.order("order", f.Order)
	p.Phone = c.phone("phone", f.Phone)
	p.Mobile = c.phone("mobile", f.Mobile)
	p.Email = c.email("email", f.Email)
	p.Room = c.text("room", f.Room, maxLine, "")
	for _, code := range f.Agendas {
		if !slices.ContainsFunc(agendas, func(a AgendaName) bool { return a.Code == code }) {
			c.errs.Add("agendas", c.t("err-agendas"))
			break
		}
		p.Agendas = append(p.Agendas, code)
	}
	return p, c.errs
}

// formCheck collects the problems of a submitted form, in the order its fields are checked.
type formCheck struct {
	ctx  context.Context
	errs layout.FieldErrors
}

func (c *formCheck) t(key string, args ...any) string { return staffMsg.T(c.ctx, key, args...) }

// text is the field's value of at most max characters; required names the message of an
// empty value, "" for an optional field.
func (c *formCheck) text(field, value string, max int, required string) string {
	if required != "" {
		required = c.t(required)
	}
	return c.errs.Text(field, value, max, required, c.t("err-too-long", max))
}

// order is the field's whole number from 0 to maxOrder; empty is 0.
func (c *formCheck) order(field, value string) int {
	if value == "" {
		return 0
	}
	n, err := strconv.Atoi(value)
	if err != nil || n < 0 || n > maxOrder {
		c.errs.Add(field, c.t("err-order"))
	}
	return n
}

// phone is the field's Czech phone number as the contacts write it, "+420 556 879 411"; empty is fine.
func (c *formCheck) phone(field, value string) string {
	phone, ok := czid.CheckPhone(value)
	if !ok || phone != "" && !strings.HasPrefix(phone, "+420 ") {
		c.errs.Add(field, c.t("err-phone"))
		return value
	}
	return phone
}

// email is the field's e-mail address, lower-cased; empty is fine.
func (c *formCheck) email(field, value string) string {
	email, ok := czid.CheckEmail(value)
	if !ok {
		c.errs.Add(field, c.t("err-email"))
		return value
	}
	return email
}
