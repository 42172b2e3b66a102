package lookup_test

import (
	"encoding/json"
)

// lookupDoc is GET /api/v1/lookup's answer, as far as the tests read it.
type lookupDoc struct {
	Address struct {
		ID    int64   `json:"id"`
		Label string  `json:"label"`
		Lat   float64 `json:"lat"`
		Lon   float64 `json:"lon"`
	} `json:"address"`
	Date    string  `json:"date"`
	Polling section `json:"polling"`
	Waste   section `json:"waste"`
	Schools struct {
		ZS section `json:"zs"`
		MS section `json:"ms"`
	} `json:"schools"`
}

// section is the coverage every answer of a lookup carries.
type section struct {
	Covered bool    `json:"covered"`
	Reason  *string `json:"reason"`
	Message *string `json:"message"`
}

// problemDoc is an RFC 9457 problem document.
type problemDoc struct {
	Type          string `json:"type"`
	Title         string `json:"title"`
	Status        int    `json:"status"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name   string `json:"name"`
		Reason string `json:"reason"`
	} `json:"invalid_params"`
}

// paramNames lists the names of a problem's invalid parameters.
func (p problemDoc) paramNames() []string {
	var names []string
	for _, ip := range p.InvalidParams {
		names = append(names, ip.Name)
	}
	return names
}

// jsonEqual reports whether a and b encode to the same JSON.
func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
