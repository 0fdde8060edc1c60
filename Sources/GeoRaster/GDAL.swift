import CGDAL
