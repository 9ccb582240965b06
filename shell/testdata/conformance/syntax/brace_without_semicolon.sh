{ echo x }
echo after
