package web

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"sync"

	"golang.org/x/crypto/bcrypt"
	"gopkg.in/yaml.v3"

	"github.com/konkurs/konkurs/atomicfile"
)

// Role is what a user may do.
type Role string

const (
	Organizer Role = "organizer" // the organizer's staff: competitions, registrations, documents
	Applicant Role = "applicant" // a participant's staff: only their own applications
	Archivist Role = "archivist" // archive staff: search, verify, download, upload signed scans
)

// Roles lists every role.
var Roles = []Role{Organizer, Applicant, Archivist}

// ParseRole accepts a role's name.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q: use organizer, applicant or archivist", s)
}

// User is one account. Passwords and API tokens are stored only as hashes:
// bcrypt for passwords (slow on purpose), SHA-256 for tokens (random and
// long, so a fast hash is enough and every API call stays cheap).
type User struct {
	Name         string   `yaml:"name"`
	Role         Role     `yaml:"role"`
	Participant  string   `yaml:"participant,omitempty"` // applicants: the participant ID they act for
	PasswordHash string   `yaml:"password_hash"`
	TokenHashes  []string `yaml:"token_hashes,omitempty"`
}

// usersFile is the YAML layout of the users file.
type usersFile struct {
	Users []User `yaml:"users"`
}

// Users is the users file loaded in memory.
type Users struct {
	path string
	mu   sync.RWMutex
	list []User
}

var userNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// ErrUserExists is returned when adding a user whose name is taken.
var ErrUserExists = errors.New("user already exists")

// LoadUsers reads the users file at path; a missing file is an empty list.
func LoadUsers(path string) (*Users, error) {
	u := &Users{path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return u, nil
	}
	if err != nil {
		return nil, fmt.Errorf("users file: %w", err)
	}
	var f usersFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("users file %s: %w", path, err)
	}
	for _, user := range f.Users {
		if _, err := ParseRole(string(user.Role)); err != nil {
			return nil, fmt.Errorf("users file %s: user %q: %w", path, user.Name, err)
		}
	}
	u.list = f.Users
	return u, nil
}

// Path is where the users file lives.
func (u *Users) Path() string { return u.path }

// Add creates a user with password and saves the file (0600: it holds hashes).
func (u *Users) Add(name string, role Role, participant, password string) error {
	if !userNamePattern.MatchString(name) {
		return fmt.Errorf("user name %q: use letters, digits and . _ @ - (up to 64)", name)
	}
	if _, err := ParseRole(string(role)); err != nil {
		return err
	}
	if role == Applicant && participant == "" {
		return errors.New("an applicant must be bound to a participant: give --participant ID")
	}
	if role != Applicant && participant != "" {
		return errors.New("--participant is only for applicants")
	}
	if len(password) < 8 {
		return errors.New("the password must have at least 8 characters")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, existing := range u.list {
		if existing.Name == name {
			return fmt.Errorf("%w: %s", ErrUserExists, name)
		}
	}
	u.list = append(u.list, User{Name: name, Role: role, Participant: participant, PasswordHash: string(hash)})
	return u.saveLocked()
}

// NewToken creates an API token for the user, stores its hash and returns
// the token, which is shown once.
func (u *Users) NewToken(name string) (string, error) {
	token := "kt_" + RandomSecret(32)
	u.mu.Lock()
	defer u.mu.Unlock()
	for i := range u.list {
		if u.list[i].Name == name {
			u.list[i].TokenHashes = append(u.list[i].TokenHashes, tokenHash(token))
			return token, u.saveLocked()
		}
	}
	return "", fmt.Errorf("no user %q", name)
}

func (u *Users) saveLocked() error {
	sorted := append([]User(nil), u.list...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	data, err := yaml.Marshal(usersFile{Users: sorted})
	if err != nil {
		return err
	}
	return atomicfile.Write(u.path, data, 0o600)
}

// dummyHash keeps the time of a login with an unknown name equal to a wrong
// password's, so names cannot be probed by timing.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("konkurs-no-such-user"), bcrypt.MinCost)

// Authenticate checks a name and password.
func (u *Users) Authenticate(name, password string) (User, bool) {
	user, ok := u.Lookup(name)
	hash := dummyHash
	if ok {
		hash = []byte(user.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || !ok {
		return User{}, false
	}
	return user, true
}

// Lookup returns the user named name.
func (u *Users) Lookup(name string) (User, bool) {
	u.mu.RLock()
	defer u.mu.RUnlock()
	for _, user := range u.list {
		if user.Name == name {
			return user, true
		}
	}
	return User{}, false
}

// ByToken returns the user an API token belongs to.
func (u *Users) ByToken(token string) (User, bool) {
	h := tokenHash(token)
	u.mu.RLock()
	defer u.mu.RUnlock()
	for _, user := range u.list {
		for _, th := range user.TokenHashes {
			if subtle.ConstantTimeCompare([]byte(th), []byte(h)) == 1 {
				return user, true
			}
		}
	}
	return User{}, false
}

// List returns the users sorted by name.
func (u *Users) List() []User {
	u.mu.RLock()
	defer u.mu.RUnlock()
	out := append([]User(nil), u.list...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// RandomSecret returns n random bytes as URL-safe text.
func RandomSecret(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// SetPassword replaces a user's password and saves the file.
func (u *Users) SetPassword(name, password string) error {
	if len(password) < 8 {
		return errors.New("the password must have at least 8 characters")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	for i := range u.list {
		if u.list[i].Name == name {
			u.list[i].PasswordHash = string(hash)
			return u.saveLocked()
		}
	}
	return fmt.Errorf("no user %q", name)
}

// NewPassword returns a random password that is easy to type: 16
// characters from an alphabet without look-alikes.
func NewPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// RevokeTokens drops every API token of the user and saves the file.
func (u *Users) RevokeTokens(name string) (int, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for i := range u.list {
		if u.list[i].Name == name {
			n := len(u.list[i].TokenHashes)
			u.list[i].TokenHashes = nil
			return n, u.saveLocked()
		}
	}
	return 0, fmt.Errorf("no user %q", name)
}
