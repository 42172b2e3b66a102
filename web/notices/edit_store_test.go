package notices_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/notices"
)

// editor is the account the editors' tests act as.
var editor = &auth.User{ID: 7, GivenName: "Eva", FamilyName: "Editorková", Grants: []auth.Grant{{Role: auth.RoleEditor}}}

// closure is a notice an editor writes: a road closed for a week from the test's today.
var closure = notices.Fields{
	Title:         "Uzavírka ulice Husova",
	Reference:     "MěÚK/50001/2026",
	Department:    "Odbor dopravy",
	Category:      "Doprava",
	RelevantUntil: geo.Date(2026, 12, 1),
	Description:   "Ulice Husova bude od 25. listopadu uzavřena.",
}

// auditEntry is a row of the audit log as the tests read it.
type auditEntry struct {
	Actor         string
	Action        string
	Before, After map[string]any
}

// auditOf returns the audit log of object, oldest first.
func auditOf(t *testing.T, pool *pgxpool.Pool, object string) []auditEntry {
	t.Helper()
	rows, err := pool.Query(t.Context(), `SELECT actor_name, action, coalesce(before, 'null'), coalesce(after, 'null') FROM audit_log WHERE object = $1 ORDER BY id`, object)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []auditEntry
	for rows.Next() {
		var e auditEntry
		var before, after []byte
		if err := rows.Scan(&e.Actor, &e.Action, &before, &after); err != nil {
			t.Fatal(err)
		}
		if err := errors.Join(json.Unmarshal(before, &e.Before), json.Unmarshal(after, &e.After)); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func actions(entries []auditEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Action
	}
	return out
}

// whereIs reports whether the notice slug is on the current board, in the archive and in the
// open data on the test's today, and what finding it by its address gives.
func whereIs(t *testing.T, store *notices.Store, slug string) (current, archived, exported bool, err error) {
	t.Helper()
	list, _, lerr := store.List(t.Context(), notices.Filter{Board: notices.CurrentBoard, Today: testToday}, 100, 0)
	old, _, aerr := store.List(t.Context(), notices.Filter{Board: notices.Archive, Today: testToday}, 100, 0)
	export, eerr := store.Export(t.Context(), testToday)
	if err := errors.Join(lerr, aerr, eerr); err != nil {
		t.Fatal(err)
	}
	_, err = store.Notice(t.Context(), slug, testToday)
	has := func(l []notices.Notice) bool { return slices.Contains(slugs(l), slug) }
	return has(list), has(old), has(export), err
}

func TestANewNoticeIsADraftNobodySeesUntilItIsPublished(t *testing.T) {
	store, pool := blankBoard(t, nil)
	id, err := store.Create(t.Context(), editor, closure, testToday)
	if err != nil {
		t.Fatal(err)
	}
	draft, err := store.Editable(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if draft.State != editorial.Draft || draft.Slug != "2026-uzavirka-ulice-husova" || !draft.Posted.IsZero() {
		t.Errorf("the new notice: %s %s, posted %v; want a draft addressed by its year and title, not dated", draft.State, draft.Slug, draft.Posted)
	}
	if current, archived, exported, err := whereIs(t, store, draft.Slug); current || archived || exported || geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a draft is public: on the board %v, archived %v, exported %v, by its address %v", current, archived, exported, err)
	}
	if list, total, err := store.EditorList(t.Context(), editorial.Draft, 10, 0); err != nil || total != 1 || list[0].ID != id {
		t.Errorf("the editors' drafts: %v (%d, %v)", list, total, err)
	}

	if err := store.SetState(t.Context(), editor, id, editorial.Published, testToday); err != nil {
		t.Fatal(err)
	}
	published, _ := store.Editable(t.Context(), id)
	if published.State != editorial.Published || !published.Posted.Equal(testToday) {
		t.Errorf("published: %s, posted %v; want posted today", published.State, published.Posted)
	}
	if current, _, exported, err := whereIs(t, store, draft.Slug); !current || !exported || err != nil {
		t.Errorf("a published notice: on the board %v, exported %v, by its address %v", current, exported, err)
	}

	log := auditOf(t, pool, "notice:"+strconv.FormatInt(id, 10))
	if !slices.Equal(actions(log), []string{"notice.create", "notice.publish"}) {
		t.Fatalf("audit log %v", actions(log))
	}
	if c := log[0]; c.Actor != "Eva Editorková" || c.Before != nil || c.After["title"] != closure.Title || c.After["state"] != "draft" {
		t.Errorf("creation recorded as %+v", c)
	}
	if p := log[1]; p.Before["state"] != "draft" || p.Before["posted_on"] != "" || p.After["state"] != "published" || p.After["posted_on"] != "2026-11-24" {
		t.Errorf("publication recorded as %+v", p)
	}
}

func TestPublishingKeepsAPostingDateTheEditorGave(t *testing.T) {
	store, _ := blankBoard(t, nil)
	later := closure
	later.Posted = geo.Date(2026, 11, 27)
	id, err := store.Create(t.Context(), editor, later, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SetState(t.Context(), editor, id, editorial.Published, testToday); err != nil {
		t.Fatal(err)
	}
	n, _ := store.Editable(t.Context(), id)
	if !n.Posted.Equal(later.Posted) {
		t.Errorf("posted %v, want the date given", n.Posted)
	}
	if current, _, _, err := whereIs(t, store, n.Slug); current || geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a notice posted from the 27th is on the board on the 24th: %v %v", current, err)
	}
}

func TestANoticeWhosePeriodIsOverCannotBePublishedToday(t *testing.T) {
	store, pool := blankBoard(t, nil)
	past := closure
	past.RelevantUntil = geo.Date(2026, 11, 23)
	id, err := store.Create(t.Context(), editor, past, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SetState(t.Context(), editor, id, editorial.Published, testToday); !errors.Is(err, notices.ErrPeriodOver) {
		t.Errorf("publishing: %v, want ErrPeriodOver", err)
	}
	if n, _ := store.Editable(t.Context(), id); n.State != editorial.Draft {
		t.Errorf("after the refusal the notice is %s", n.State)
	}
	if got := actions(auditOf(t, pool, "notice:"+strconv.FormatInt(id, 10))); !slices.Equal(got, []string{"notice.create"}) {
		t.Errorf("a refused change is in the audit log: %v", got)
	}
}

func TestAWithdrawnNoticeLeavesTheBoardTheArchiveAndTheOpenData(t *testing.T) {
	pool := demotest.Pool(t)
	store := notices.NewStore(pool)
	const slug = "2026-zamer-pronajmu-pozemku-lubina"
	var id int64
	if err := pool.QueryRow(t.Context(), `SELECT id FROM notices WHERE slug = $1`, slug).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := store.SetState(t.Context(), editor, id, editorial.Withdrawn, testToday); err != nil {
		t.Fatal(err)
	}
	current, archived, exported, err := whereIs(t, store, slug)
	var gone *notices.WithdrawnError
	if current || archived || exported || !errors.As(err, &gone) || !gone.On.Equal(geo.PragueDate(time.Now())) {
		t.Errorf("withdrawn: on the board %v, archived %v, exported %v, by its address %v; want only a withdrawal of today", current, archived, exported, err)
	}

	// Back to draft: nothing public is left, not even the withdrawal.
	if err := store.SetState(t.Context(), editor, id, editorial.Draft, testToday); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := whereIs(t, store, slug); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a draft's address: %v, want not found", err)
	}
	// Published again, it is back on the board with the date it was first posted.
	if err := store.SetState(t.Context(), editor, id, editorial.Published, testToday); err != nil {
		t.Fatal(err)
	}
	n, _ := store.Editable(t.Context(), id)
	if current, _, _, err := whereIs(t, store, slug); !current || err != nil || !n.Posted.Equal(geo.Date(2026, 11, 10)) {
		t.Errorf("republished: on the board %v (%v), posted %v", current, err, n.Posted)
	}
	if got := actions(auditOf(t, pool, "notice:"+strconv.FormatInt(id, 10))); !slices.Equal(got, []string{"notice.withdraw", "notice.to_draft", "notice.publish"}) {
		t.Errorf("audit log %v", got)
	}
}

func TestStateChangesFollowTheEditorialStates(t *testing.T) {
	store, pool := blankBoard(t, nil)
	id, err := store.Create(t.Context(), editor, closure, testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []editorial.State{editorial.Withdrawn, editorial.Draft} {
		if err := store.SetState(t.Context(), editor, id, to, testToday); geo.ErrorCode(err) != geo.EINVALID {
			t.Errorf("a draft becomes %s: %v, want refused", to, err)
		}
	}
	if err := store.SetState(t.Context(), editor, 999999, editorial.Published, testToday); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("an unknown notice: %v", err)
	}
	if got := actions(auditOf(t, pool, "notice:"+strconv.FormatInt(id, 10))); len(got) != 1 {
		t.Errorf("refused changes are in the audit log: %v", got)
	}
}

func TestEditingANoticeRecordsItBeforeAndAfter(t *testing.T) {
	store, pool := blankBoard(t, nil)
	id, err := store.Create(t.Context(), editor, closure, testToday)
	if err != nil {
		t.Fatal(err)
	}
	changed := closure
	changed.Title = "Uzavírka ulice Husova (prodloužení)"
	changed.RelevantUntil = geo.Date(2026, 12, 15)
	if err := store.Update(t.Context(), editor, id, changed); err != nil {
		t.Fatal(err)
	}
	n, _ := store.Editable(t.Context(), id)
	if n.Title != changed.Title || !n.RelevantUntil.Equal(changed.RelevantUntil) || n.Slug != "2026-uzavirka-ulice-husova" {
		t.Errorf("after the edit: %q until %v at %s; want the new text at the old address", n.Title, n.RelevantUntil, n.Slug)
	}
	log := auditOf(t, pool, "notice:"+strconv.FormatInt(id, 10))
	if u := log[len(log)-1]; u.Action != "notice.update" || u.Before["title"] != closure.Title || u.After["title"] != changed.Title || u.After["relevant_until"] != "2026-12-15" {
		t.Errorf("the edit recorded as %+v", u)
	}
	// A second notice of the same title gets an address of its own.
	other, err := store.Create(t.Context(), editor, closure, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if o, _ := store.Editable(t.Context(), other); o.Slug != "2026-uzavirka-ulice-husova-2" {
		t.Errorf("the second notice's address %s", o.Slug)
	}
}

func TestAttachmentsAreAddedAndRemovedWithoutTheirContentInTheAuditLog(t *testing.T) {
	store, pool := blankBoard(t, nil)
	id, err := store.Create(t.Context(), editor, closure, testToday)
	if err != nil {
		t.Fatal(err)
	}
	pdf := notices.Upload{File: "situace.pdf", Title: "Situace uzavírky", MediaType: "application/pdf", Content: []byte("%PDF-1.7\nSECRET-BYTES\n%%EOF\n")}
	for _, want := range []string{"situace.pdf", "situace-2.pdf"} {
		if file, err := store.AddAttachment(t.Context(), editor, id, pdf); err != nil || file != want {
			t.Errorf("attached as %q (%v), want %q", file, err, want)
		}
	}
	if err := store.RemoveAttachment(t.Context(), editor, id, "situace.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := store.RemoveAttachment(t.Context(), editor, id, "situace.pdf"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("removing it again: %v", err)
	}
	n, _ := store.Editable(t.Context(), id)
	if len(n.Attachments) != 1 || n.Attachments[0].File != "situace-2.pdf" || n.Attachments[0].Size != int64(len(pdf.Content)) {
		t.Errorf("attachments %+v", n.Attachments)
	}
	f, err := store.EditorAttachmentFile(t.Context(), id, "situace-2.pdf")
	if err != nil || string(f.Content) != string(pdf.Content) {
		t.Errorf("the draft's attachment for the preview: %q (%v)", f.Content, err)
	}
	log := auditOf(t, pool, "notice:"+strconv.FormatInt(id, 10))
	if got := actions(log); !slices.Equal(got, []string{"notice.create", "notice.attachment_add", "notice.attachment_add", "notice.attachment_remove"}) {
		t.Fatalf("audit log %v", got)
	}
	var raw string
	if err := pool.QueryRow(t.Context(), `SELECT string_agg(after::text, ' ') FROM audit_log`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if raw == "" || strings.Contains(raw, "SECRET-BYTES") || strings.Contains(raw, "JVBER") { // JVBER: "%PDF" in base64
		t.Errorf("the audit log holds an attachment's content: %s", raw)
	}
	if files := log[3].After["attachments"].([]any); len(files) != 1 || files[0].(map[string]any)["file"] != "situace-2.pdf" {
		t.Errorf("the removal recorded as %+v", log[3].After)
	}
}
