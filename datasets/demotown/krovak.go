package demotown

import "math"

// The demo areas are drawn in S-JTSK, the register's own system, and written as WGS84 GeoJSON
// (RFC 7946). sjtskToWGS84 is the inverse Křovák projection (EPSG method 9819) on the Bessel
// ellipsoid followed by the 7-parameter Helmert transformation "S-JTSK to WGS 84 (5)"
// (EPSG:5239), the one PROJ chooses in Czechia; it agrees with PostGIS's ST_Transform to
// millimetres (see TestConversionAgreesWithPostGIS) and with the true position to about a metre.

// Ellipsoids.
const (
	besselA = 6377397.155
	besselF = 1 / 299.1528128
	wgs84A  = 6378137.0
	wgs84F  = 1 / 298.257223563
)

// Křovák projection parameters of EPSG:5514 (Greenwich longitudes).
var (
	krovakLatC   = dms(49, 30, 0)                                                     // latitude of the projection centre
	krovakLonO   = dms(24, 50, 0)                                                     // longitude of origin
	krovakAlphaC = dms(30, 17, 17.30311)                                              // co-latitude of the cone axis
	krovakLatP   = dms(78, 30, 0)                                                     // latitude of the pseudo standard parallel
	krovakKP     = 0.9999                                                             // scale factor on the pseudo standard parallel
	sjtskHelmert = [7]float64{572.213, 85.334, 461.94, 4.9732, 1.529, 5.2484, 3.5378} // m, ″, ppm; position vector
)

// dms converts degrees, minutes and seconds to radians.
func dms(d, m, s float64) float64 { return (d + m/60 + s/3600) * math.Pi / 180 }

// sjtskToWGS84 converts an EPSG:5514 point (east, north: the negated Y and X of RÚIAN's
// exports, in metres) to WGS84 longitude and latitude in degrees.
func sjtskToWGS84(east, north float64) (lon, lat float64) {
	phi, lambda := krovakInverse(east, north)
	x, y, z := geocentric(phi, lambda, besselA, besselF)
	x, y, z = helmert(x, y, z, sjtskHelmert)
	phi, lambda = geodetic(x, y, z, wgs84A, wgs84F)
	return lambda * 180 / math.Pi, phi * 180 / math.Pi
}

// krovakInverse gives the Bessel latitude and longitude (radians) of an EPSG:5514 point.
func krovakInverse(east, north float64) (phi, lambda float64) {
	e2 := besselF * (2 - besselF)
	e := math.Sqrt(e2)
	sinC := math.Sin(krovakLatC)
	a := besselA * math.Sqrt(1-e2) / (1 - e2*sinC*sinC)
	b := math.Sqrt(1 + e2*math.Pow(math.Cos(krovakLatC), 4)/(1-e2))
	gamma0 := math.Asin(sinC / b)
	t0 := math.Tan(math.Pi/4+gamma0/2) * math.Pow((1+e*sinC)/(1-e*sinC), e*b/2) /
		math.Pow(math.Tan(math.Pi/4+krovakLatC/2), b)
	n := math.Sin(krovakLatP)
	r0 := krovakKP * a / math.Tan(krovakLatP)

	southing, westing := -north, -east
	r := math.Hypot(southing, westing)
	d := math.Atan2(westing, southing) / n
	t := 2 * (math.Atan(math.Pow(r0/r, 1/n)*math.Tan(math.Pi/4+krovakLatP/2)) - math.Pi/4)
	u := math.Asin(math.Cos(krovakAlphaC)*math.Sin(t) - math.Sin(krovakAlphaC)*math.Cos(t)*math.Cos(d))
	v := math.Asin(math.Cos(t) * math.Sin(d) / math.Cos(u))
	lambda = krovakLonO - v/b
	phi = u
	for range 8 {
		s := math.Sin(phi)
		phi = 2 * (math.Atan(math.Pow(t0, -1/b)*math.Pow(math.Tan(u/2+math.Pi/4), 1/b)*
			math.Pow((1+e*s)/(1-e*s), e/2)) - math.Pi/4)
	}
	return phi, lambda
}

// geocentric converts a latitude and longitude on the ellipsoid (height 0) to ECEF metres.
func geocentric(phi, lambda, a, f float64) (x, y, z float64) {
	e2 := f * (2 - f)
	s := math.Sin(phi)
	nu := a / math.Sqrt(1-e2*s*s)
	return nu * math.Cos(phi) * math.Cos(lambda), nu * math.Cos(phi) * math.Sin(lambda), nu * (1 - e2) * s
}

// geodetic converts ECEF metres to latitude and longitude (radians) on the ellipsoid.
func geodetic(x, y, z, a, f float64) (phi, lambda float64) {
	e2 := f * (2 - f)
	p := math.Hypot(x, y)
	phi = math.Atan2(z, p*(1-e2))
	for range 8 {
		s := math.Sin(phi)
		nu := a / math.Sqrt(1-e2*s*s)
		h := p/math.Cos(phi) - nu
		phi = math.Atan2(z, p*(1-e2*nu/(nu+h)))
	}
	return phi, math.Atan2(y, x)
}

// helmert applies a position-vector 7-parameter transformation: translations in metres,
// rotations in arc seconds, scale in parts per million.
func helmert(x, y, z float64, p [7]float64) (float64, float64, float64) {
	sec := math.Pi / 180 / 3600
	rx, ry, rz, k := p[3]*sec, p[4]*sec, p[5]*sec, 1+p[6]*1e-6
	return p[0] + k*(x-rz*y+ry*z), p[1] + k*(rz*x+y-rx*z), p[2] + k*(-ry*x+rx*y+z)
}
