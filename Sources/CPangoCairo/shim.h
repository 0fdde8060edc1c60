// Cairo (2-D drawing, anti-aliased) and Pango (text layout and shaping) from Debian's libcairo2-dev and
// libpango1.0-dev, for MapCanvas.
#include <cairo/cairo.h>
#include <pango/pangocairo.h>
