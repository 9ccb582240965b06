export EV=kept
exec /usr/bin/env | grep EV
