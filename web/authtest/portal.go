package authtest

import "github.com/radnice/radnice/web/auth"

// PortalConfig is the portal's login configuration for this provider: it stands for NIA
// (citizens) and for the town's own staff provider, which vouches for e-mails.
func (p *IdP) PortalConfig() auth.Config {
	citizens := auth.ProviderConfig{Issuer: p.Issuer, ClientID: p.ClientID, ClientSecret: p.ClientSecret}
	staff := citizens
	staff.TrustEmail = true
	return auth.Config{Citizens: &citizens, Staff: &staff}
}
