package engine

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/radnice/radnice/datasets/formdefs"
)

// UnmarshalAnswers reads answers stored as JSON (json.Marshal of Answers) back into their
// Go types, by the fields of def, the version they were given for. Keys def does not have
// are dropped.
func UnmarshalAnswers(def *formdefs.Definition, data []byte) (Answers, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("read the answers of %s: %w", def.Slug, err)
	}
	return unmarshalFields(def.Fields(-1), raw)
}

func unmarshalFields(fields []*formdefs.Field, raw map[string]json.RawMessage) (Answers, error) {
	a := Answers{}
	for _, f := range fields {
		data, ok := raw[f.Key]
		if !ok {
			continue
		}
		v, err := unmarshalValue(f, data)
		if err != nil {
			return nil, fmt.Errorf("read the answer %s: %w", f.Key, err)
		}
		a[f.Key] = v
	}
	return a, nil
}

// unmarshalValue reads the stored answer of f.
func unmarshalValue(f *formdefs.Field, data json.RawMessage) (any, error) {
	switch f.Type {
	case formdefs.Checkbox:
		return unmarshalAs[[]string](data)
	case formdefs.Consent:
		return unmarshalAs[bool](data)
	case formdefs.Address:
		return unmarshalAs[Address](data)
	case formdefs.Person:
		return unmarshalAs[Person](data)
	case formdefs.File:
		return unmarshalAs[FileRef](data)
	case formdefs.Group:
		var raws []map[string]json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return nil, err
		}
		rows := make([]Answers, len(raws))
		for i, r := range raws {
			row, err := unmarshalFields(f.Children, r)
			if err != nil {
				return nil, err
			}
			rows[i] = row
		}
		return rows, nil
	}
	return unmarshalAs[string](data)
}

func unmarshalAs[T any](data json.RawMessage) (any, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

// LabelAddresses gives the addresses of a that have none their labels, asking lookup (the
// address register) for the labels of their codes; a code lookup does not know keeps no label,
// which Validate reports. Call it after Decode.
func LabelAddresses(a Answers, lookup func(codes []int64) (map[int64]string, error)) error {
	var codes []int64
	walkAddresses(a, func(ad Address) (Address, bool) {
		if !slices.Contains(codes, ad.Code) {
			codes = append(codes, ad.Code)
		}
		return ad, false
	})
	if len(codes) == 0 {
		return nil
	}
	labels, err := lookup(codes)
	if err != nil {
		return fmt.Errorf("label the addresses: %w", err)
	}
	walkAddresses(a, func(ad Address) (Address, bool) {
		ad.Label = labels[ad.Code]
		return ad, ad.Label != ""
	})
	return nil
}

// walkAddresses calls fn with each address of a and its groups' rows without a label, and
// keeps the address fn returns when it says it changed it.
func walkAddresses(a Answers, fn func(Address) (Address, bool)) {
	for k, v := range a {
		switch v := v.(type) {
		case Address:
			if v.Label != "" {
				continue
			}
			if changed, ok := fn(v); ok {
				a[k] = changed
			}
		case []Answers:
			for _, row := range v {
				walkAddresses(row, fn)
			}
		}
	}
}
