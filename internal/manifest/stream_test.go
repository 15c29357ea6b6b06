package manifest

import (
	"reflect"
	"testing"
)

// A YAML stream is read document by document, and the parser cannot resynchronise after a
// syntax error: the documents after a broken one are never read. They must not vanish
// without a word: the problem says they were not read and they count as rejected.
func TestSyntaxErrorSaysLaterDocumentsWereNotRead(t *testing.T) {
	tests := []struct {
		name           string
		in             string
		want           []string
		docs, rejected int
	}{
		{
			name: "two good documents after the broken one",
			in:   "a: 1\n---\nb: [\n---\nc: 3\n--- # comment\nd: 4\n",
			want: []string{"3:1 : invalid YAML: did not find expected node content; the 2 documents after it in this file (from line 4) were not read"},
			docs: 1, rejected: 3,
		},
		{
			name: "one document after, written on its marker line",
			in:   "a: 1\n---\nb: {\n--- {c: 3}\n",
			want: []string{"3:1 : invalid YAML: did not find expected node content; the document after it in this file (from line 4) was not read"},
			docs: 1, rejected: 2,
		},
		{
			name: "the broken document is the last: nothing more to say",
			in:   "a: 1\n---\nb: [\n",
			want: []string{"3:1 : invalid YAML: did not find expected node content"},
			docs: 1, rejected: 1,
		},
		{
			name: "trailing separators and comments are not documents",
			in:   "a: 1\n---\nb: [\n---\n# nothing\n...\n---\n",
			want: []string{"3:1 : invalid YAML: did not find expected node content"},
			docs: 1, rejected: 1,
		},
		{
			name: "an unknown anchor stops the stream too",
			in:   "a: &x 1\nb: *x\n---\nc: *y\n---\nd: 4\n",
			want: []string{"4:4 : invalid YAML: unknown anchor 'y' referenced; the document after it in this file (from line 5) was not read"},
			docs: 1, rejected: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, "m.yaml", tc.in, Options{})
			var got []string
			for _, p := range src.Problems {
				got = append(got, itoa(p.Line)+":"+itoa(p.Column)+" "+p.Pointer+": "+p.Message)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
			if len(src.Documents) != tc.docs || src.Rejected != tc.rejected {
				t.Errorf("documents = %d, rejected = %d; want %d, %d", len(src.Documents), src.Rejected, tc.docs, tc.rejected)
			}
		})
	}
}

// Anchors belong to their document (YAML 1.2, 3.2.2.2: an alias refers to the most recent
// preceding node with that anchor in the same document). go.yaml.in/yaml keeps anchors
// across the documents of a stream, so a document could silently take a value from
// another one.
func TestAliasToAnEarlierDocumentIsRefused(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		docs     int
	}{
		{
			name: "value",
			in:   "x: &a 1\n---\ny: *a\n",
			want: []string{"3:4 /y: alias *a refers to the anchor &a of an earlier document (line 1); an anchor applies only within its own document: write the value again, or anchor it in this document"},
			docs: 1,
		},
		{
			name: "merge key",
			in:   "base: &b {x: 1}\n---\nm:\n  <<: *b\n  y: 2\n",
			want: []string{"4:7 /m: alias *b refers to the anchor &b of an earlier document (line 1); an anchor applies only within its own document: write the value again, or anchor it in this document"},
			docs: 1,
		},
		{
			name: "merge list",
			in:   "base: &b {x: 1}\n---\nown: &c {z: 1}\nm:\n  <<: [*c, *b]\n",
			want: []string{"5:12 /m: alias *b refers to the anchor &b of an earlier document (line 1); an anchor applies only within its own document: write the value again, or anchor it in this document"},
			docs: 1,
		},
		{
			name: "key",
			in:   "k: &k name\n---\n*k : 1\n",
			want: []string{"3:1 : alias *k refers to the anchor &k of an earlier document (line 1); an anchor applies only within its own document: write the value again, or anchor it in this document"},
			docs: 1,
		},
		{
			name: "the same anchor redefined in the later document is its own",
			in:   "x: &a 1\n---\nz: &a 2\ny: *a\n",
			docs: 2,
		},
		{
			name: "later documents are still read",
			in:   "x: &a 1\n---\ny: *a\n---\nz: 3\n",
			want: []string{"3:4 /y: alias *a refers to the anchor &a of an earlier document (line 1); an anchor applies only within its own document: write the value again, or anchor it in this document"},
			docs: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, "m.yaml", tc.in, Options{})
			var got []string
			for _, p := range src.Problems {
				got = append(got, itoa(p.Line)+":"+itoa(p.Column)+" "+p.Pointer+": "+p.Message)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
			if len(src.Documents) != tc.docs || src.Rejected != len(tc.want) {
				t.Errorf("documents = %d, rejected = %d; want %d, %d", len(src.Documents), src.Rejected, tc.docs, len(tc.want))
			}
			for _, d := range src.Documents {
				if y, ok := d.Value.(map[string]any)["y"]; ok && len(tc.want) > 0 {
					t.Errorf("document %d took y = %v from another document", d.Index, y)
				}
			}
		})
	}
}

// go.yaml.in/yaml leaves the line out of an error on the first line of the file (it omits
// line 0); such a problem used to carry no line at all. Found by FuzzDataLoad.
func TestSyntaxErrorOnTheFirstLineHasAPosition(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"`, "1:1 : invalid YAML: found unexpected end of stream"},
		{"  a: 'x", "1:3 : invalid YAML: found unexpected end of stream"},
		{"a: b: c\n", "1:1 : invalid YAML: mapping values are not allowed in this context"},
	}
	for _, tc := range tests {
		src := loadString(t, "m.yaml", tc.in, Options{})
		var got []string
		for _, p := range src.Problems {
			got = append(got, itoa(p.Line)+":"+itoa(p.Column)+" "+p.Pointer+": "+p.Message)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: problems %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Lines ended by a lone carriage return are lines to YAML, and so to its error lines: the
// index the column is taken from must count them too, or the problem has a line beyond the
// last and no column. Found by FuzzDataLoad.
func TestCarriageReturnLineEndings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\"\r0", "2:1 : invalid YAML: found unexpected end of stream"},
		{"a: 1\rb:\r  c: 1\r d: 2\r", "4:2 : invalid YAML: did not find expected key"},
		{"a: 1\r\nb:\r\n  c: 1\r\n d: 2\r\n", "4:2 : invalid YAML: did not find expected key"},
	}
	for _, tc := range tests {
		src := loadString(t, "m.yaml", tc.in, Options{})
		var got []string
		for _, p := range src.Problems {
			got = append(got, itoa(p.Line)+":"+itoa(p.Column)+" "+p.Pointer+": "+p.Message)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: problems %q, want %q", tc.in, got, tc.want)
		}
	}
	src := loadString(t, "m.json", "{\r\"a\":\r[1,\r2]}", Options{})
	if len(src.Documents) != 1 || src.Documents[0].Pos("/a/1").Line != 4 {
		t.Errorf("JSON with lone carriage returns: %v", src.Problems)
	}
}
