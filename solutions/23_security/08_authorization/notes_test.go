package notes

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

const (
	testAlice = "tok-alice-3b1f9e"
	testBob   = "tok-bob-9c2e4a"
)

var testNames = map[string]string{testAlice: "alice", testBob: "bob", "": "nobody"}

type testResp struct {
	code int
	body string
}

func testDo(h http.Handler, token, method, path, body string) testResp {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return testResp{rec.Code, rec.Body.String()}
}

func testCreate(t *testing.T, h http.Handler, token, body string) Note {
	t.Helper()
	res := testDo(h, token, "POST", "/notes", body)
	var n Note
	if res.code != http.StatusCreated || json.Unmarshal([]byte(res.body), &n) != nil || n.ID == "" {
		t.Fatalf("%s: POST /notes %s = %d %s; want 201 and the note as JSON with an id", testNames[token], body, res.code, res.body)
	}
	return n
}

func testGet(t *testing.T, h http.Handler, token, id string) (Note, testResp) {
	t.Helper()
	res := testDo(h, token, "GET", "/notes/"+id, "")
	var n Note
	if res.code == http.StatusOK {
		if err := json.Unmarshal([]byte(res.body), &n); err != nil {
			t.Fatalf("%s: GET /notes/%s = 200 %s: not a note: %v", testNames[token], id, res.body, err)
		}
	}
	return n, res
}

func TestOwnerUsesOwnNotes(t *testing.T) {
	h := NewHandler(NewStore())
	n := testCreate(t, h, testAlice, `{"text":"buy milk"}`)
	if n.Owner != "alice" || n.Text != "buy milk" {
		t.Errorf("alice: POST /notes {\"text\":\"buy milk\"} = %+v, want owner alice and text \"buy milk\"", n)
	}
	got, res := testGet(t, h, testAlice, n.ID)
	if res.code != 200 || got.Text != "buy milk" {
		t.Errorf("alice: GET /notes/%s = %d %s, want 200 and her note", n.ID, res.code, res.body)
	}
	if res := testDo(h, testAlice, "PUT", "/notes/"+n.ID, `{"text":"buy oat milk"}`); res.code != 200 {
		t.Errorf("alice: PUT /notes/%s = %d %s, want 200", n.ID, res.code, res.body)
	}
	if got, res := testGet(t, h, testAlice, n.ID); res.code != 200 || got.Text != "buy oat milk" {
		t.Errorf("alice: GET /notes/%s after her PUT = %d %s, want 200 and text \"buy oat milk\"", n.ID, res.code, res.body)
	}
	if res := testDo(h, testAlice, "DELETE", "/notes/"+n.ID, ""); res.code != http.StatusNoContent {
		t.Errorf("alice: DELETE /notes/%s = %d %s, want 204", n.ID, res.code, res.body)
	}
	if _, res := testGet(t, h, testAlice, n.ID); res.code != http.StatusNotFound {
		t.Errorf("alice: GET /notes/%s after her DELETE = %d %s, want 404", n.ID, res.code, res.body)
	}
}

func TestOthersNotesAreNotFound(t *testing.T) {
	for _, tt := range []struct{ method, body string }{
		{"GET", ""},
		{"PUT", `{"text":"pwned"}`},
		{"DELETE", ""},
	} {
		t.Run(tt.method, func(t *testing.T) {
			h := NewHandler(NewStore())
			n := testCreate(t, h, testAlice, `{"text":"alice's diary"}`)
			got := testDo(h, testBob, tt.method, "/notes/"+n.ID, tt.body)
			missing := testDo(h, testBob, tt.method, "/notes/no-such-note-0", tt.body)
			if got.code != http.StatusNotFound {
				t.Errorf("bob: %s /notes/%s (alice's note) = %d %s, want 404", tt.method, n.ID, got.code, strings.TrimSpace(got.body))
			} else if got != missing {
				t.Errorf("bob: %s /notes/%s (alice's note) = %d %s, but a note that does not exist gives %d %s; want the same answer, so nobody learns which IDs exist",
					tt.method, n.ID, got.code, strings.TrimSpace(got.body), missing.code, strings.TrimSpace(missing.body))
			}
			after, res := testGet(t, h, testAlice, n.ID)
			if res.code != 200 || after.Text != "alice's diary" || after.Owner != "alice" {
				t.Errorf("after bob's %s /notes/%s, alice: GET /notes/%s = %d %s, want 200 and her note unchanged", tt.method, n.ID, n.ID, res.code, strings.TrimSpace(res.body))
			}
		})
	}
}

func TestListShowsOwnNotesOnly(t *testing.T) {
	h := NewHandler(NewStore())
	a1 := testCreate(t, h, testAlice, `{"text":"a1"}`)
	a2 := testCreate(t, h, testAlice, `{"text":"a2"}`)
	b1 := testCreate(t, h, testBob, `{"text":"b1"}`)
	for token, want := range map[string][]string{testAlice: {a1.ID, a2.ID}, testBob: {b1.ID}} {
		res := testDo(h, token, "GET", "/notes", "")
		var list []Note
		if res.code != 200 || json.Unmarshal([]byte(res.body), &list) != nil {
			t.Errorf("%s: GET /notes = %d %s, want 200 and a JSON array of notes", testNames[token], res.code, res.body)
			continue
		}
		var ids []string
		for _, n := range list {
			ids = append(ids, n.ID)
		}
		slices.Sort(ids)
		slices.Sort(want)
		if !slices.Equal(ids, want) {
			t.Errorf("%s: GET /notes = %s, want the notes %q only", testNames[token], strings.TrimSpace(res.body), want)
		}
	}
}

func TestOwnerComesFromTheSession(t *testing.T) {
	h := NewHandler(NewStore())
	n := testCreate(t, h, testAlice, `{"text":"for bob?","owner":"bob"}`)
	if n.Owner != "alice" {
		t.Errorf("alice: POST /notes {\"text\":\"for bob?\",\"owner\":\"bob\"} made a note owned by %q, want alice: the owner comes from the session, never from the body", n.Owner)
	}
	if _, res := testGet(t, h, testBob, n.ID); res.code != http.StatusNotFound {
		t.Errorf("bob: GET /notes/%s (a note alice made with \"owner\":\"bob\" in the body) = %d %s, want 404", n.ID, res.code, strings.TrimSpace(res.body))
	}

	m := testCreate(t, h, testAlice, `{"text":"mine"}`)
	testDo(h, testAlice, "PUT", "/notes/"+m.ID, `{"text":"still mine","owner":"bob"}`)
	if got, res := testGet(t, h, testAlice, m.ID); res.code != 200 || got.Owner != "alice" {
		t.Errorf("after alice: PUT /notes/%s {\"text\":\"still mine\",\"owner\":\"bob\"}, alice: GET /notes/%s = %d %s, want 200 and owner alice", m.ID, m.ID, res.code, strings.TrimSpace(res.body))
	}
	if _, res := testGet(t, h, testBob, m.ID); res.code != http.StatusNotFound {
		t.Errorf("after alice: PUT /notes/%s with \"owner\":\"bob\" in the body, bob: GET /notes/%s = %d %s, want 404", m.ID, m.ID, res.code, strings.TrimSpace(res.body))
	}

	x := testCreate(t, h, testAlice, `{"text":"x","id":"chosen-id"}`)
	if b := testCreate(t, h, testBob, `{"text":"overwrite?","id":"`+x.ID+`"}`); b.ID == x.ID {
		t.Errorf("bob: POST /notes with \"id\":%q (alice's note) in the body made a note with that id; the server chooses ids", x.ID)
	}
	if got, res := testGet(t, h, testAlice, x.ID); res.code != 200 || got.Owner != "alice" || got.Text != "x" {
		t.Errorf("after bob posted a note with \"id\":%q in the body, alice: GET /notes/%s = %d %s, want 200 and her note unchanged", x.ID, x.ID, res.code, strings.TrimSpace(res.body))
	}
}

func TestUnauthenticated(t *testing.T) {
	h := NewHandler(NewStore())
	n := testCreate(t, h, testAlice, `{"text":"secret"}`)
	for _, token := range []string{"", "tok-mallory-000000"} {
		for _, r := range []struct{ method, path, body string }{
			{"GET", "/notes", ""},
			{"POST", "/notes", `{"text":"x"}`},
			{"GET", "/notes/" + n.ID, ""},
			{"PUT", "/notes/" + n.ID, `{"text":"x"}`},
			{"DELETE", "/notes/" + n.ID, ""},
		} {
			if res := testDo(h, token, r.method, r.path, r.body); res.code != http.StatusUnauthorized {
				t.Errorf("%s %s with token %q = %d %s, want 401", r.method, r.path, token, res.code, strings.TrimSpace(res.body))
			}
		}
	}
}
