echo x &&
