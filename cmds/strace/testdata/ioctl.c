/* Terminal ioctls for the strace tests, run on a pty: the termios and
   termio structures, window sizes, integer arguments and results,
   requests without an argument, an unknown request, and, on a bad
   descriptor, a termios with every bit set (what the kernel is given is
   shown even when the call fails). The terminal is left as it was found. */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <string.h>
int main(void) {
  struct termios t, saved, all; struct termio old; struct winsize w; int n = 0; pid_t pg;
  write(99, "BEGIN", 5);
  ioctl(0, TCGETS, &saved); t = saved;
  ioctl(0, TCSETS, &t); ioctl(0, TCSETSW, &t); ioctl(0, TCSETSF, &t);
  t.c_iflag |= IGNBRK|BRKINT|INLCR|IUTF8|IXOFF; t.c_lflag &= ~(ECHO|ICANON); t.c_cflag |= PARENB|HUPCL|CLOCAL; t.c_oflag &= ~OPOST;
  cfsetospeed(&t, B9600); cfsetispeed(&t, B9600); ioctl(0, TCSETS, &t);
  ioctl(0, TCGETA, &old); ioctl(0, TIOCGWINSZ, &w); ioctl(0, TIOCGPGRP, &pg); ioctl(0, TIOCGSID, &pg);
  ioctl(0, FIONREAD, &n); ioctl(0, TIOCOUTQ, &n); ioctl(0, TIOCEXCL); ioctl(0, TIOCNXCL); ioctl(0, TIOCSCTTY, 0);
  ioctl(0, TCFLSH, TCIFLUSH); ioctl(0, TCXONC, TCOON); ioctl(0, TCSBRK, 1); ioctl(0, FIONBIO, &n); ioctl(0, TIOCGPTN, &n);
  ioctl(0, TIOCMGET, &n); ioctl(0, TIOCGETD, &n); ioctl(0, FIOCLEX); ioctl(0, FIONCLEX); ioctl(0, 0x1234, 5); ioctl(99, TCGETS, &t);
  ioctl(0, TIOCSWINSZ, &w); ioctl(0, TIOCGLCKTRMIOS, &t); ioctl(99, TIOCNOTTY);
  memset(&all, 0xff, sizeof all); ioctl(99, TCSETS, &all);
  memset(&all, 0, sizeof all); all.c_oflag = 014000|03000; all.c_cflag = 010002 | (010002 << 16); ioctl(99, TCSETS, &all);
  ioctl(0, TCSETS, &saved);
  write(99, "END", 3);
  return 0;
}
