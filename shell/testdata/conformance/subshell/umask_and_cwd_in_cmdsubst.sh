umask 027
mkdir d
cd d
echo "$(umask) $(basename "$(pwd)")"
