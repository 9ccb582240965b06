printf '#!/nonexistent/interp\necho x\n' > s
chmod +x s
./s
echo "status $?"
