// File: postgres_test_util.h
// What the PostgreSQL tests share: the server to use and unique tenants.
//
// The server comes from THREADLINE_TEST_POSTGRES (a libpq connection
// string) or THREADLINE_TEST_POSTGRES_FILE (a file holding one, written by
// scripts/pg-test-server, which ctest's postgres_server fixture runs). With
// neither, the tests fail: they never pass without having run.
#ifndef THREADLINE_TESTS_STORE_POSTGRES_TEST_UTIL_H_
#define THREADLINE_TESTS_STORE_POSTGRES_TEST_UTIL_H_

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"

namespace threadline {
namespace testing_postgres {

// TestConnection: the connection string, or "" with `why` set.
inline std::string TestConnection(std::string* why) {
  if (const char* c = std::getenv("THREADLINE_TEST_POSTGRES"); c && *c) {
    return c;
  }
  const char* file = std::getenv("THREADLINE_TEST_POSTGRES_FILE");
  if (file == nullptr || *file == '\0') {
    *why =
        "no PostgreSQL server: set THREADLINE_TEST_POSTGRES to a connection "
        "string, or run through ctest, whose postgres_server_start test "
        "starts one (scripts/pg-test-server)";
    return "";
  }
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  std::string connection(absl::StripAsciiWhitespace(text.str()));
  if (connection.empty()) {
    *why = absl::StrCat("THREADLINE_TEST_POSTGRES_FILE=", file,
                        " is missing or empty: did postgres_server_start "
                        "fail? (see its output)");
  }
  return connection;
}

// UniqueTenant: a tenant no other test or run has used.
inline std::string UniqueTenant(const std::string& name) {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  return absl::StrCat(name, "-", getpid(), "-", salt, "-", ++counter);
}

// PostgresTest: a test of its own tenant on the test server; fails, saying
// why, when there is no server.
class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    connection_ = TestConnection(&why);
    ASSERT_FALSE(connection_.empty()) << why;
    tenant_ = UniqueTenant(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }

  std::string connection_;
  std::string tenant_;
};

}  // namespace testing_postgres
}  // namespace threadline

#endif  // THREADLINE_TESTS_STORE_POSTGRES_TEST_UTIL_H_
