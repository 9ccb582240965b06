# apt-lock.sh is sourced by the scripts that run apt-get. apt_locked runs
# apt-get with its arguments under one lock file shared by all of zinebox's
# scripts (flock(1) waits for it), and tells apt itself to wait up to ten
# minutes for dpkg's lock when someone else (unattended-upgrades, a person)
# holds it, instead of failing at once.
apt_locked() {
	flock -w 900 /var/lock/zinebox-apt.lock \
		apt-get -o DPkg::Lock::Timeout=600 "$@"
}
