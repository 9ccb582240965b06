#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <string.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <poll.h>
#include <netinet/in.h>
#include <arpa/inet.h>
int main(){
  char buf[100]; struct stat st; int p[2];
  write(99,"BEGIN",5);
  int fd=open("/etc/hostname",O_RDONLY|O_CLOEXEC);
  read(fd,buf,sizeof buf); fstat(fd,&st); lseek(fd,0,SEEK_SET); close(fd);
  open("/nonexistent/x",O_RDONLY);
  fd=openat(AT_FDCWD,"/tmp/zbstrace.tmp",O_WRONLY|O_CREAT|O_TRUNC,0644);
  write(fd,"hello\nworld\t\x01\xff long string that goes on and on and on and on",60); close(fd);
  stat("/tmp/zbstrace.tmp",&st); lstat("/tmp",&st); unlink("/tmp/zbstrace.tmp");
  access("/etc/passwd",R_OK|W_OK); mkdir("/tmp/zbdir",0755); rmdir("/tmp/zbdir");
  void*m=mmap(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); mprotect(m,4096,PROT_READ); munmap(m,8192);
  struct sigaction sa; memset(&sa,0,sizeof sa); sa.sa_handler=SIG_IGN; sigaction(SIGUSR1,&sa,NULL);
  sigset_t set; sigemptyset(&set); sigaddset(&set,SIGINT); sigaddset(&set,SIGTERM); sigprocmask(SIG_BLOCK,&set,NULL);
  struct termios t; ioctl(0,TCGETS,&t); ioctl(1,TIOCGWINSZ,buf);
  int s=socket(AF_INET,SOCK_STREAM|SOCK_CLOEXEC,0); close(s); s=socket(AF_UNIX,SOCK_DGRAM,0); close(s);
  pipe2(p,O_CLOEXEC); dup2(p[0],10); dup(p[1]); close(p[0]); close(p[1]);
  getpid(); kill(getpid(),SIGUSR1); chdir("/"); umask(022); 
  pid_t c=fork(); if(c==0){ _exit(3);} int ws; wait4(c,&ws,0,NULL);
  { /* poll: one ready descriptor, then a timeout */
    int q[2]; pipe(q); write(q[1], "x", 1);
    struct pollfd pf[2] = {{q[0], POLLIN, 0}, {q[1], POLLIN|POLLPRI, 0}};
    poll(pf, 2, 100); read(q[0], buf, 1); poll(pf, 1, 0); close(q[0]); close(q[1]);
  }
  { /* connect to closed ports: refused */
    struct sockaddr_in a; memset(&a, 0, sizeof a); a.sin_family = AF_INET; a.sin_port = htons(9);
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    int s4 = socket(AF_INET, SOCK_STREAM, 0); connect(s4, (struct sockaddr *)&a, sizeof a); close(s4);
    struct sockaddr_in6 b; memset(&b, 0, sizeof b); b.sin6_family = AF_INET6; b.sin6_port = htons(9);
    inet_pton(AF_INET6, "::1", &b.sin6_addr);
    int s6 = socket(AF_INET6, SOCK_STREAM, 0); connect(s6, (struct sockaddr *)&b, sizeof b); close(s6);
  }
  write(99,"END",3);
  return 0;
}
