package competition

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

var (
	validateOnce sync.Once
	validate     *validator.Validate
)

var (
	identPattern    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	postcodePattern = regexp.MustCompile(`^(\d{6}|[A-Z]\d{2}[A-Z]\d[A-Z]\d)$`)
	phoneStrip      = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", "\u00a0", "")
	phonePattern    = regexp.MustCompile(`^(\+7|8)\d{10}$`)
	hhmmPattern     = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)
)

func validatorInstance() *validator.Validate {
	validateOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		// Field paths use the names the user wrote in YAML.
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			name := strings.SplitN(f.Tag.Get("yaml"), ",", 2)[0]
			if name == "-" {
				return ""
			}
			if name == "" {
				return f.Name
			}
			return name
		})
		must := func(tag string, fn validator.Func) {
			if err := v.RegisterValidation(tag, fn); err != nil {
				panic(err)
			}
		}
		must("bin", func(fl validator.FieldLevel) bool { return ValidBIN(fl.Field().String()) })
		must("ident", func(fl validator.FieldLevel) bool { return identPattern.MatchString(fl.Field().String()) })
		must("kzpostcode", func(fl validator.FieldLevel) bool { return postcodePattern.MatchString(fl.Field().String()) })
		must("kzphone", func(fl validator.FieldLevel) bool {
			return phonePattern.MatchString(phoneStrip.Replace(fl.Field().String()))
		})
		must("hhmm", func(fl validator.FieldLevel) bool { return hhmmPattern.MatchString(fl.Field().String()) })
		must("eventkind", func(fl validator.FieldLevel) bool {
			k := EventKind(fl.Field().String())
			for _, known := range EventKinds {
				if k == known {
					return true
				}
			}
			return false
		})
		validate = v
	})
	return validate
}

// ValidateStruct checks v's field tags and returns every problem, with
// field paths as written in the input (the root type's name dropped).
func ValidateStruct(v any) *ValidationError {
	ve := &ValidationError{}
	err := validatorInstance().Struct(v)
	var errs validator.ValidationErrors
	if errors.As(err, &errs) {
		for _, fe := range errs {
			ve.Errors = append(ve.Errors, fieldErrorOf(fe))
		}
	} else if err != nil {
		ve.Add("", "generic", "detail", err.Error())
	}
	return ve
}

func fieldErrorOf(fe validator.FieldError) FieldError {
	path := fe.Namespace()
	if i := strings.IndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	code := fe.Tag()
	switch code {
	case "required", "bin", "ident", "kzpostcode", "kzphone", "hhmm", "eventkind", "email", "url":
		return FieldError{Path: path, Code: code}
	case "max", "min", "len", "gte", "lte", "oneof":
		return FieldError{Path: path, Code: code, Args: []string{"param", fe.Param()}}
	}
	return FieldError{Path: path, Code: "invalid", Args: []string{"tag", code}}
}
